"""A simulated NTAG21x reader mounted as an nfcpy device.

``image`` reads and writes virtual-card memory images, ``chip`` models the chip,
``card`` adds fault injection and a command log, ``device`` is the nfcpy seam.
"""
