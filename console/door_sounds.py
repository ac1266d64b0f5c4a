"""The door's two sounds: a rising chime admits, a low double buzz refuses.

The WAV files are made here, in a few lines of arithmetic, and written once
to a temporary folder: nothing binary has to ship. QtMultimedia plays them
when it can. Without it (a station without PulseAudio, an offscreen test
run, no audio device) the door stays silent, says so once in the log, and
still emits `played`, so what would have sounded is never lost to a test.
"""

from __future__ import annotations

import logging
import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

log = logging.getLogger(__name__)

ADMIT = "admit"
REFUSE = "refuse"
RATE = 22_050
_VOLUME = 0.45

# (frequency in Hz, length in seconds) in order; a frequency of 0 is a pause.
_TONES = {
    ADMIT: ((880.0, 0.09), (0.0, 0.02), (1318.5, 0.16)),
    REFUSE: ((196.0, 0.18), (0.0, 0.06), (196.0, 0.26)),
}


def tone_frames(notes: tuple[tuple[float, float], ...], square: bool) -> bytes:
    """16-bit mono samples for the notes, with short fades against clicks."""
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        fade = max(1, int(RATE * 0.008))
        for n in range(count):
            if frequency == 0:
                sample = 0.0
            else:
                wave_value = math.sin(2 * math.pi * frequency * n / RATE)
                if square:
                    # A softened square: the buzz of a refusal, not a beep.
                    wave_value = math.copysign(abs(wave_value) ** 0.3, wave_value)
                envelope = min(1.0, n / fade, (count - n) / fade)
                sample = _VOLUME * envelope * wave_value
            frames += struct.pack("<h", int(sample * 32767))
    return bytes(frames)


def write_sound(path: Path, kind: str) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(tone_frames(_TONES[kind], square=kind == REFUSE))
    return path


_said_silent = False


def _silent(why: str, detail: object = "") -> None:
    """Say once per run why the door is silent; every window would repeat it."""
    global _said_silent
    if not _said_silent:
        _said_silent = True
        log.info("door sounds are off: %s %s", why, detail)


class DoorSounds(QObject):
    """Plays ADMIT or REFUSE; silent, and logged once, where audio is missing."""

    #: A sound was asked for; carries ADMIT or REFUSE, played or not.
    played = Signal(str)

    def __init__(self, parent: QObject | None = None, enabled: bool = True) -> None:
        super().__init__(parent)
        self._effects: dict[str, object] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.available = False
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            # Imported here: the module loads system audio libraries, and a
            # station without them must still start.
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except (ImportError, OSError) as exc:
            _silent("QtMultimedia is not available", exc)
            return
        if QMediaDevices.defaultAudioOutput().isNull():
            _silent("no audio output on this station")
            return
        self._folder = tempfile.TemporaryDirectory(prefix="memberdesk-sounds-")
        for kind in (ADMIT, REFUSE):
            path = write_sound(Path(self._folder.name) / f"{kind}.wav", kind)
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[kind] = effect
        self.available = True
        log.debug("door sounds ready")

    def play(self, kind: str) -> None:
        effect = self._effects.get(kind)
        if effect is not None:
            effect.play()
        self.played.emit(kind)
