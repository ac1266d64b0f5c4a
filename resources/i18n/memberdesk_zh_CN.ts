<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CardTray</name>
    <message>
        <location filename="../../widgets/card_tray.py" line="48"/>
        <source>Virtual cards</source>
        <extracomment>The user asked to put the card file at this path on the reader. The user asked to take the card that is on the reader off.</extracomment>
        <translation>虚拟卡</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="54"/>
        <source>Place on reader</source>
        <translation>放到读卡器上</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="56"/>
        <source>Take off</source>
        <translation>取下</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="58"/>
        <source>Other card file…</source>
        <translation>其他卡文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="116"/>
        <source>The reader is empty.</source>
        <translation>读卡器上没有卡。</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="119"/>
        <source>On the reader: %1</source>
        <translation>读卡器上：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="135"/>
        <source>Virtual card file</source>
        <translation>虚拟卡文件</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="137"/>
        <source>Card images (*.json *.nfc)</source>
        <translation>卡镜像 (*.json *.nfc)</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/app.py" line="203"/>
        <source>Card tray</source>
        <translation>卡托盘</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="217"/>
        <source>The simulated reader is not open yet.</source>
        <translation>模拟读卡器尚未打开。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="223"/>
        <source>This card file cannot be used: %1</source>
        <translation>无法使用此卡文件：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="248"/>
        <source>memberdesk cannot start</source>
        <translation>memberdesk 无法启动</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="305"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <location filename="../../console/pages/door.py" line="75"/>
        <source>Event</source>
        <extracomment>A verdict is on screen: the services Verdict, or NoEventChosen.</extracomment>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="82"/>
        <location filename="../../console/pages/door.py" line="96"/>
        <source>Last scans</source>
        <translation>最近刷卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="86"/>
        <source>&amp;Event</source>
        <translation>活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="90"/>
        <location filename="../../console/pages/door.py" line="106"/>
        <source>Door</source>
        <translation>入场核验</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="124"/>
        <source>Choose an event…</source>
        <translation>请选择活动…</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="148"/>
        <source>ADMIT</source>
        <translation>准许入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="151"/>
        <source>TAP AGAIN</source>
        <translation>请再刷一次</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="154"/>
        <source>DO NOT ADMIT</source>
        <translation>禁止入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="182"/>
        <source>Choose an event first</source>
        <translation>请先选择活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="184"/>
        <source>This card was not checked in. Choose the event above, then tap the card again.</source>
        <translation>这张卡未签到。请先在上方选择活动，再刷一次卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="205"/>
        <source>Choose an event</source>
        <translation>请选择活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="206"/>
        <source>Taps are checked in once an event is chosen.</source>
        <translation>选择活动后，刷卡即可签到。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="211"/>
        <source>Tap a card</source>
        <translation>请刷卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="212"/>
        <source>Members tap their card on the reader.</source>
        <translation>请会员将会员卡贴近读卡器。</translation>
    </message>
</context>
<context>
    <name>IssuancePage</name>
    <message>
        <location filename="../../console/pages/issuance.py" line="114"/>
        <source>Filter by name, phone tail or #id</source>
        <extracomment>A card was encoded and recorded as active. Encoding stopped without a card; carries the reason code. A card job is open and the page waits for a tap; carries the job.</extracomment>
        <translation>按姓名、手机尾号或 #编号筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="116"/>
        <source>Filter the card queue</source>
        <translation>筛选待制卡名单</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="136"/>
        <source>Encode card</source>
        <translation>写卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="139"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="166"/>
        <source>Card encoded</source>
        <translation>写卡完成</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="173"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="174"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="175"/>
        <source>Chip UID</source>
        <translation>芯片 UID</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="176"/>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="177"/>
        <source>Originality</source>
        <translation>原厂签名</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="180"/>
        <source>Diamond members without a card</source>
        <translation>尚无会员卡的钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="199"/>
        <location filename="../../console/pages/issuance.py" line="213"/>
        <source>Card issuance</source>
        <translation>制卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="256"/>
        <source>This station has no card keys.</source>
        <translation>本工作站没有卡密钥。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="261"/>
        <source>Card %1 for %2: tap a blank card on the reader.</source>
        <translation>为%2制作卡 %1：请将空白卡放到读卡器上。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="273"/>
        <source>Stopped. Choose a member to encode a card.</source>
        <translation>已停止。请选择会员后再写卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="308"/>
        <source>Done. The card can be taken off the reader.</source>
        <translation>完成，可以从读卡器上取下卡片。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="310"/>
        <source>Card %1 is ready.</source>
        <translation>卡 %1 已制作完成。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="327"/>
        <source>Tap the same card again to resume.</source>
        <translation>请再次刷同一张卡以继续。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="329"/>
        <source>Tap another card, or stop waiting.</source>
        <translation>请换一张卡，或停止等待。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="334"/>
        <source>The card could not be read.</source>
        <translation>无法读取这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="334"/>
        <source>Tap it again.</source>
        <translation>请再刷一次。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="344"/>
        <source>Overwrite this card?</source>
        <translation>覆盖这张卡？</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="387"/>
        <source>Choose a member, then Encode card.</source>
        <translation>请选择会员，然后点击“写卡”。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="390"/>
        <source>%1 (#%2): press Encode card, then tap a blank card.</source>
        <translation>%1（#%2）：点击“写卡”，再放上空白卡。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="62"/>
        <source>memberdesk — %1</source>
        <extracomment>The shown page changed; carries the page&apos;s key.</extracomment>
        <translation>memberdesk — %1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="71"/>
        <source>Pages</source>
        <extracomment>Docked panels by key, such as the demo&apos;s &quot;card_tray&quot;.</extracomment>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="96"/>
        <source>Station: %1</source>
        <translation>工作站：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="97"/>
        <source>Staff: %1</source>
        <translation>工作人员：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="99"/>
        <source>Sync: not configured</source>
        <translation>同步：未配置</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="157"/>
        <source>Reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="165"/>
        <source>The reader is not available: %1</source>
        <translation>读卡器不可用：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="168"/>
        <source>A card was tapped, but this page does not use cards.</source>
        <translation>检测到刷卡，但当前页面不使用会员卡。</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../widgets/member_table.py" line="86"/>
        <source>ID</source>
        <extracomment>The query changed and the first page is loaded; carries the total.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="87"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="88"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="89"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="90"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="91"/>
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="92"/>
        <source>Spend</source>
        <translation>消费</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../console/pages/members.py" line="78"/>
        <source>Search: name, phone tail, card number or #id</source>
        <extracomment>The search ran; carries how many members match.</extracomment>
        <translation>搜索：姓名、手机尾号、卡号或 #编号</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="81"/>
        <source>Search members</source>
        <translation>搜索会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="90"/>
        <source>Tier filter</source>
        <translation>等级筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="91"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="122"/>
        <location filename="../../console/pages/members.py" line="136"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/members.py" line="176"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位会员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../console/words.py" line="25"/>
        <source>Admitted</source>
        <translation>入场成功</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="26"/>
        <source>Re-entry admitted</source>
        <translation>准许再次入场</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="27"/>
        <source>Already checked in</source>
        <translation>已签到过</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="28"/>
        <source>Blank card: nothing is written on it</source>
        <translation>空白卡：卡内没有数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="29"/>
        <source>Not a member card</source>
        <translation>不是会员卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="30"/>
        <source>Card format not understood</source>
        <translation>无法识别的卡格式</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="31"/>
        <source>Card signed by an unknown key</source>
        <translation>卡片由未知密钥签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="32"/>
        <source>Card signed by a retired key</source>
        <translation>卡片由已停用的密钥签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="33"/>
        <source>Forged or damaged card: the signature does not verify</source>
        <translation>伪造或损坏的卡：签名校验失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="36"/>
        <source>Copied card: the data belongs to another chip</source>
        <translation>复制卡：卡内数据属于另一枚芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="39"/>
        <source>Card not known to this station</source>
        <translation>本工作站不认识这张卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="40"/>
        <source>Card revoked</source>
        <translation>卡已注销</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="41"/>
        <source>Old card: a newer issue has replaced it</source>
        <translation>旧卡：已被新补发的卡取代</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="44"/>
        <source>Member not known to this station</source>
        <translation>本工作站不认识该会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="45"/>
        <source>Tier not eligible for this event</source>
        <translation>会员等级不符合本活动要求</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="48"/>
        <source>Not registered for this event</source>
        <translation>未报名本活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="49"/>
        <source>Outside the door opening hours</source>
        <translation>不在入场开放时间内</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="50"/>
        <source>Event cancelled</source>
        <translation>活动已取消</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="51"/>
        <source>Event full</source>
        <translation>活动名额已满</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="52"/>
        <source>Card read failed: tap again</source>
        <translation>读卡失败：请再刷一次</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="66"/>
        <source>Free</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="67"/>
        <source>Silver</source>
        <translation>白银会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="68"/>
        <source>Gold</source>
        <translation>黄金会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="69"/>
        <source>Diamond</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="77"/>
        <source>No such member.</source>
        <translation>没有这位会员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="78"/>
        <source>Only diamond members get a card.</source>
        <translation>只有钻石会员可以办理会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="79"/>
        <source>This member already holds an active card.</source>
        <translation>该会员已有一张有效会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="83"/>
        <source>The card desk refused this card.</source>
        <translation>制卡台拒绝了这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="89"/>
        <source>The card left the reader too early.</source>
        <translation>卡片过早离开了读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="90"/>
        <source>The chip refused a command.</source>
        <translation>芯片拒绝了一条指令。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="91"/>
        <source>This chip cannot be a member card.</source>
        <translation>这种芯片不能用作会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="92"/>
        <source>What was written did not read back.</source>
        <translation>写入的数据回读校验失败。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="93"/>
        <source>This chip is locked.</source>
        <translation>这枚芯片已被锁定。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="94"/>
        <source>This chip is too small for the card.</source>
        <translation>这枚芯片容量太小。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="95"/>
        <source>Not overwritten: the card holds other data.</source>
        <translation>未覆盖：卡内有其他数据。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="98"/>
        <source>Not overwritten: the card belongs to another member.</source>
        <translation>未覆盖：这张卡属于另一位会员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="102"/>
        <source>The card was not encoded.</source>
        <translation>未能写卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="111"/>
        <source>This card holds other data. Overwrite it?</source>
        <translation>这张卡内有其他数据。要覆盖吗？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="112"/>
        <source>This card belongs to another member. Overwrite it?</source>
        <translation>这张卡属于另一位会员。要覆盖吗？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="116"/>
        <source>Overwrite this card?</source>
        <translation>覆盖这张卡？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="121"/>
        <source>Chip read</source>
        <translation>已读取芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="122"/>
        <source>Protected chip opened</source>
        <translation>已解除芯片保护</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="123"/>
        <source>Writing the card message</source>
        <translation>正在写入卡数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="124"/>
        <source>Message written and checked</source>
        <translation>数据已写入并校验</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="125"/>
        <source>Password written</source>
        <translation>密码已写入</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="126"/>
        <source>Password acknowledgement written</source>
        <translation>密码确认码已写入</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="127"/>
        <source>Card protected</source>
        <translation>卡片已加保护</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="134"/>
        <source>genuine NXP chip</source>
        <translation>NXP 原厂芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="135"/>
        <source>simulated chip</source>
        <translation>模拟芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="136"/>
        <source>no originality signature</source>
        <translation>无原厂签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="137"/>
        <source>originality signature does not verify</source>
        <translation>原厂签名校验失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="144"/>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="145"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="146"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="147"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
</TS>
