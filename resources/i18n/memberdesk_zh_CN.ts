<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../console/staff_dialogs.py" line="33"/>
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="33"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="37"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="39"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="41"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="44"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="45"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="46"/>
        <source>&amp;Login</source>
        <translation>登录名(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="47"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="48"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="49"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="50"/>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="58"/>
        <source>Enter a login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="60"/>
        <source>Enter the staff member&apos;s name.</source>
        <translation>请输入员工姓名。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../console/pages/audit.py" line="75"/>
        <source>Action filter</source>
        <extracomment>The entries were (re)loaded; carries how many rows are shown. A chain check finished; carries the AuditReport. A chain check could not run; carries the words shown.</extracomment>
        <translation>按操作筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="76"/>
        <source>Entity filter</source>
        <translation>按对象筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="77"/>
        <source>Staff filter</source>
        <translation>按员工筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="78"/>
        <source>&amp;From</source>
        <translation>日期从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="90"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="91"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="96"/>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="97"/>
        <source>&amp;Entity</source>
        <translation>对象(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="98"/>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="107"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="134"/>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="136"/>
        <source>&amp;Verify chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="149"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="160"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="196"/>
        <source>Checking the chain…</source>
        <translation>正在校验哈希链…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/audit.py" line="209"/>
        <source>The audit log is intact: %n entries checked.</source>
        <translation>
            <numerusform>审计日志完好：已校验 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="215"/>
        <source>No copy of the newest entry is kept off the database here, so removed newest entries would not show.</source>
        <translation>本工作站未在数据库之外保存最新记录的副本，因此删除最新记录将无法被发现。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="222"/>
        <source>Entry %1 was altered after it was written.</source>
        <translation>第 %1 条记录在写入后被改动。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="223"/>
        <source>Entry %1 was removed.</source>
        <translation>第 %1 条记录已被删除。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="224"/>
        <source>Entry %1 was moved: the log was reordered.</source>
        <translation>第 %1 条记录被移动：日志顺序被打乱。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="226"/>
        <source>Entries from %1 on were removed: the copy kept off the database records entry %2.</source>
        <translation>从第 %1 条起的记录已被删除：数据库之外保存的副本记录到第 %2 条。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="230"/>
        <source>Entry %1 does not check.</source>
        <translation>第 %1 条记录校验不通过。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="232"/>
        <source>The audit log was tampered with.</source>
        <translation>审计日志遭到篡改。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="257"/>
        <source>The copy of the newest entry kept off the database cannot be read, so the chain was not checked.</source>
        <translation>无法读取数据库之外保存的最新记录副本，因此未校验哈希链。</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="262"/>
        <source>The chain could not be checked: %1</source>
        <translation>无法校验哈希链：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="291"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="292"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="293"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="294"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="295"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="296"/>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="297"/>
        <source>Entity id</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="298"/>
        <source>Before → after</source>
        <translation>变更前 → 变更后</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="323"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="328"/>
        <source>All entities</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="331"/>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/audit.py" line="355"/>
        <source>%n entries shown</source>
        <translation>
            <numerusform>已显示 %n 条记录</numerusform>
        </translation>
    </message>
</context>
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
        <location filename="../../console/app.py" line="246"/>
        <source>Card tray</source>
        <translation>卡托盘</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="265"/>
        <source>The simulated reader is not open yet.</source>
        <translation>模拟读卡器尚未打开。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="271"/>
        <source>This card file cannot be used: %1</source>
        <translation>无法使用此卡文件：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="296"/>
        <source>memberdesk cannot start</source>
        <translation>memberdesk 无法启动</translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <location filename="../../console/pages/door.py" line="78"/>
        <source>Event</source>
        <extracomment>A verdict is on screen: the services Verdict, or NoEventChosen.</extracomment>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="85"/>
        <location filename="../../console/pages/door.py" line="99"/>
        <source>Last scans</source>
        <translation>最近刷卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="89"/>
        <source>&amp;Event</source>
        <translation>活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="93"/>
        <location filename="../../console/pages/door.py" line="109"/>
        <source>Door</source>
        <translation>入场核验</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="127"/>
        <source>Choose an event…</source>
        <translation>请选择活动…</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="151"/>
        <source>ADMIT</source>
        <translation>准许入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="154"/>
        <source>TAP AGAIN</source>
        <translation>请再刷一次</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="157"/>
        <source>DO NOT ADMIT</source>
        <translation>禁止入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="185"/>
        <source>Choose an event first</source>
        <translation>请先选择活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="187"/>
        <source>This card was not checked in. Choose the event above, then tap the card again.</source>
        <translation>这张卡未签到。请先在上方选择活动，再刷一次卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="208"/>
        <source>Choose an event</source>
        <translation>请选择活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="209"/>
        <source>Taps are checked in once an event is chosen.</source>
        <translation>选择活动后，刷卡即可签到。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="214"/>
        <source>Tap a card</source>
        <translation>请刷卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="215"/>
        <source>Members tap their card on the reader.</source>
        <translation>请会员将会员卡贴近读卡器。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../console/first_admin.py" line="29"/>
        <source>Set up memberdesk</source>
        <translation>设置 memberdesk</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="29"/>
        <source>Create admin</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="34"/>
        <source>This database has no staff yet. Create the first admin: this account then adds everyone else.</source>
        <translation>此数据库还没有员工。请创建第一位管理员，之后由该账号添加其他员工。</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="40"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="42"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="43"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="44"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="45"/>
        <source>&amp;Login</source>
        <translation>登录名(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="46"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="47"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="48"/>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="52"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="61"/>
        <source>Enter a login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="63"/>
        <source>Enter the admin&apos;s name.</source>
        <translation>请输入管理员姓名。</translation>
    </message>
    <message>
        <location filename="../../console/first_admin.py" line="67"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../console/forms.py" line="54"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出现错误，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../console/forms.py" line="101"/>
        <source>Cancel</source>
        <extracomment>The service call succeeded; carries what it returned. The call was refused; carries the words shown in the dialog.</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/forms.py" line="157"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>IssuancePage</name>
    <message>
        <location filename="../../console/pages/issuance.py" line="117"/>
        <source>Filter by name, phone tail or #id</source>
        <extracomment>A card was encoded and recorded as active. Encoding stopped without a card; carries the reason code. A card job is open and the page waits for a tap; carries the job.</extracomment>
        <translation>按姓名、手机尾号或 #编号筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="119"/>
        <source>Filter the card queue</source>
        <translation>筛选待制卡名单</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="139"/>
        <source>Encode card</source>
        <translation>写卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="142"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="169"/>
        <source>Card encoded</source>
        <translation>写卡完成</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="176"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="177"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="178"/>
        <source>Chip UID</source>
        <translation>芯片 UID</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="179"/>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="180"/>
        <source>Originality</source>
        <translation>原厂签名</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="183"/>
        <source>Diamond members without a card</source>
        <translation>尚无会员卡的钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="202"/>
        <location filename="../../console/pages/issuance.py" line="216"/>
        <source>Card issuance</source>
        <translation>制卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="259"/>
        <source>This station has no card keys.</source>
        <translation>本工作站没有卡密钥。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="264"/>
        <source>Card %1 for %2: tap a blank card on the reader.</source>
        <translation>为%2制作卡 %1：请将空白卡放到读卡器上。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="276"/>
        <source>Stopped. Choose a member to encode a card.</source>
        <translation>已停止。请选择会员后再写卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="311"/>
        <source>Done. The card can be taken off the reader.</source>
        <translation>完成，可以从读卡器上取下卡片。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="313"/>
        <source>Card %1 is ready.</source>
        <translation>卡 %1 已制作完成。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="330"/>
        <source>Tap the same card again to resume.</source>
        <translation>请再次刷同一张卡以继续。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="332"/>
        <source>Tap another card, or stop waiting.</source>
        <translation>请换一张卡，或停止等待。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="337"/>
        <source>The card could not be read.</source>
        <translation>无法读取这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="337"/>
        <source>Tap it again.</source>
        <translation>请再刷一次。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="347"/>
        <source>Overwrite this card?</source>
        <translation>覆盖这张卡？</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="390"/>
        <source>Choose a member, then Encode card.</source>
        <translation>请选择会员，然后点击“写卡”。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="393"/>
        <source>%1 (#%2): press Encode card, then tap a blank card.</source>
        <translation>%1（#%2）：点击“写卡”，再放上空白卡。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/lock_screen.py" line="64"/>
        <source>Card taps are not checked in while the console is locked.</source>
        <extracomment>The signed-in staff member proved who they are; carries the Actor. An unlock attempt was refused; carries the words shown. &quot;Sign in as someone else&quot; was chosen.</extracomment>
        <translation>控制台锁定期间，刷卡不会签到。</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="71"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="77"/>
        <location filename="../../console/lock_screen.py" line="82"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="79"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="85"/>
        <source>P&amp;IN</source>
        <translation>PIN 码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="87"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="102"/>
        <location filename="../../console/lock_screen.py" line="141"/>
        <source>Sign in as &amp;someone else</source>
        <translation>以其他员工身份登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="133"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="135"/>
        <source>%1 (%2) is signed in at this station.</source>
        <translation>%1（%2）已在本工作站登录。</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="148"/>
        <source>Nobody is signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="149"/>
        <source>Sign in to use this station.</source>
        <translation>请登录后使用本工作站。</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="151"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="158"/>
        <source>A card was tapped and not checked in. Unlock first.</source>
        <translation>有人刷卡，但未签到。请先解锁。</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="166"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="176"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../console/lock_screen.py" line="184"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="67"/>
        <source>memberdesk — %1</source>
        <extracomment>The shown page changed; carries the page&apos;s key. Ctrl+L: the person at the desk asks to lock it now.</extracomment>
        <translation>memberdesk — %1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="80"/>
        <source>Pages</source>
        <extracomment>Docked panels by key, such as the demo&apos;s &quot;card_tray&quot;. Who is signed in and the lock: set by the composition root.</extracomment>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="114"/>
        <source>Station: %1</source>
        <translation>工作站：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="115"/>
        <location filename="../../console/main_window.py" line="175"/>
        <source>Staff: %1</source>
        <translation>工作人员：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="117"/>
        <source>Sync: not configured</source>
        <translation>同步：未配置</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="237"/>
        <source>Reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="245"/>
        <source>The reader is not available: %1</source>
        <translation>读卡器不可用：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="249"/>
        <source>Locked: the card tap was not checked in.</source>
        <translation>已锁定：此次刷卡未签到。</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="251"/>
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
        <location filename="../../console/pages/members.py" line="101"/>
        <source>Search: name, phone tail, card number or #id</source>
        <extracomment>The search ran; carries how many members match.</extracomment>
        <translation>搜索：姓名、手机尾号、卡号或 #编号</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="104"/>
        <source>Search members</source>
        <translation>搜索会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="113"/>
        <source>Tier filter</source>
        <translation>等级筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="114"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="145"/>
        <location filename="../../console/pages/members.py" line="159"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/members.py" line="199"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位会员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../console/staff_dialogs.py" line="80"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="80"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="84"/>
        <source>A new password for %1 (%2).</source>
        <translation>为 %1（%2）设置新密码。</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="88"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="89"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="90"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="91"/>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../console/staff_dialogs.py" line="114"/>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="114"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="119"/>
        <source>The PIN unlocks a locked station for %1. Leave both boxes empty to remove it.</source>
        <translation>%1 可用 PIN 码解锁已锁定的工作站。两栏都留空即删除 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="124"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="125"/>
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="128"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="129"/>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="130"/>
        <location filename="../../console/staff_dialogs.py" line="138"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 至 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../console/staff_dialogs.py" line="136"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../console/sign_in.py" line="39"/>
        <source>Sign in</source>
        <extracomment>The wait before the next try changed; carries the seconds left.</extracomment>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="46"/>
        <source>Station %1. Sign in with your staff login.</source>
        <translation>工作站 %1。请用员工账号登录。</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="50"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="51"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="53"/>
        <source>&amp;Login</source>
        <translation>登录名(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="54"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="55"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="77"/>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location filename="../../console/sign_in.py" line="79"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>StaffDialogs</name>
    <message>
        <location filename="../../console/staff_dialogs.py" line="151"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../console/pages/staff.py" line="80"/>
        <location filename="../../console/pages/staff.py" line="142"/>
        <location filename="../../console/pages/staff.py" line="154"/>
        <source>Staff</source>
        <extracomment>The list was reloaded; carries how many staff it shows. A change went through; carries what changed (&quot;added&quot;, &quot;disabled&quot;, ...). A change was refused; carries the words shown. The station&apos;s idle lock time was saved; carries the minutes.</extracomment>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="83"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="84"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="85"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="86"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="87"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="88"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="103"/>
        <source>&amp;Add staff…</source>
        <translation>添加员工(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="105"/>
        <location filename="../../console/pages/staff.py" line="290"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="107"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="109"/>
        <source>Set P&amp;IN…</source>
        <translation>设置 PIN 码(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="129"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="130"/>
        <source>Lock after minutes without input</source>
        <translation>无操作多少分钟后锁定</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="131"/>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="133"/>
        <source>This station</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="135"/>
        <source>&amp;Lock after this long without input:</source>
        <translation>无操作多久后锁定(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="217"/>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="220"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已不能登录。</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="240"/>
        <source>This station now locks after %1 without input.</source>
        <translation>本工作站将在无操作 %1 后锁定。</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="255"/>
        <source>Staff member added.</source>
        <translation>已添加员工。</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="257"/>
        <source>Password reset; any wait before signing in is lifted.</source>
        <translation>密码已重置，登录等待时间已解除。</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="259"/>
        <source>PIN saved.</source>
        <translation>PIN 码已保存。</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="273"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="273"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="274"/>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="274"/>
        <source>No</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="275"/>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location filename="../../console/pages/staff.py" line="288"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
</context>
<context>
    <name>StationGuard</name>
    <message>
        <location filename="../../console/guard.py" line="112"/>
        <source>nobody signed in</source>
        <extracomment>The sign-in dialog opened after a sign-out; carries the dialog.</extracomment>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../console/guard.py" line="144"/>
        <source>%1 (locked)</source>
        <translation>%1（已锁定）</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../console/words.py" line="27"/>
        <source>Admitted</source>
        <translation>入场成功</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="28"/>
        <source>Re-entry admitted</source>
        <translation>准许再次入场</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="29"/>
        <source>Already checked in</source>
        <translation>已签到过</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="30"/>
        <source>Blank card: nothing is written on it</source>
        <translation>空白卡：卡内没有数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="31"/>
        <source>Not a member card</source>
        <translation>不是会员卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="32"/>
        <source>Card format not understood</source>
        <translation>无法识别的卡格式</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="33"/>
        <source>Card signed by an unknown key</source>
        <translation>卡片由未知密钥签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="34"/>
        <source>Card signed by a retired key</source>
        <translation>卡片由已停用的密钥签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="35"/>
        <source>Forged or damaged card: the signature does not verify</source>
        <translation>伪造或损坏的卡：签名校验失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="38"/>
        <source>Copied card: the data belongs to another chip</source>
        <translation>复制卡：卡内数据属于另一枚芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="41"/>
        <source>Card not known to this station</source>
        <translation>本工作站不认识这张卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="42"/>
        <source>Card revoked</source>
        <translation>卡已注销</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="43"/>
        <source>Old card: a newer issue has replaced it</source>
        <translation>旧卡：已被新补发的卡取代</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="46"/>
        <source>Member not known to this station</source>
        <translation>本工作站不认识该会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="47"/>
        <source>Tier not eligible for this event</source>
        <translation>会员等级不符合本活动要求</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="50"/>
        <source>Not registered for this event</source>
        <translation>未报名本活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="51"/>
        <source>Outside the door opening hours</source>
        <translation>不在入场开放时间内</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="52"/>
        <source>Event cancelled</source>
        <translation>活动已取消</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="53"/>
        <source>Event full</source>
        <translation>活动名额已满</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="54"/>
        <source>Card read failed: tap again</source>
        <translation>读卡失败：请再刷一次</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="68"/>
        <source>Free</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="69"/>
        <source>Silver</source>
        <translation>白银会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="70"/>
        <source>Gold</source>
        <translation>黄金会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="71"/>
        <source>Diamond</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="79"/>
        <source>No such member.</source>
        <translation>没有这位会员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="80"/>
        <source>Only diamond members get a card.</source>
        <translation>只有钻石会员可以办理会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="81"/>
        <source>This member already holds an active card.</source>
        <translation>该会员已有一张有效会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="85"/>
        <source>The card desk refused this card.</source>
        <translation>制卡台拒绝了这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="91"/>
        <source>The card left the reader too early.</source>
        <translation>卡片过早离开了读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="92"/>
        <source>The chip refused a command.</source>
        <translation>芯片拒绝了一条指令。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="93"/>
        <source>This chip cannot be a member card.</source>
        <translation>这种芯片不能用作会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="94"/>
        <source>What was written did not read back.</source>
        <translation>写入的数据回读校验失败。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="95"/>
        <source>This chip is locked.</source>
        <translation>这枚芯片已被锁定。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="96"/>
        <source>This chip is too small for the card.</source>
        <translation>这枚芯片容量太小。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="97"/>
        <source>Not overwritten: the card holds other data.</source>
        <translation>未覆盖：卡内有其他数据。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="100"/>
        <source>Not overwritten: the card belongs to another member.</source>
        <translation>未覆盖：这张卡属于另一位会员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="104"/>
        <source>The card was not encoded.</source>
        <translation>未能写卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="113"/>
        <source>This card holds other data. Overwrite it?</source>
        <translation>这张卡内有其他数据。要覆盖吗？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="114"/>
        <source>This card belongs to another member. Overwrite it?</source>
        <translation>这张卡属于另一位会员。要覆盖吗？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="118"/>
        <source>Overwrite this card?</source>
        <translation>覆盖这张卡？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="123"/>
        <source>Chip read</source>
        <translation>已读取芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="124"/>
        <source>Protected chip opened</source>
        <translation>已解除芯片保护</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="125"/>
        <source>Writing the card message</source>
        <translation>正在写入卡数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="126"/>
        <source>Message written and checked</source>
        <translation>数据已写入并校验</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="127"/>
        <source>Password written</source>
        <translation>密码已写入</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="128"/>
        <source>Password acknowledgement written</source>
        <translation>密码确认码已写入</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="129"/>
        <source>Card protected</source>
        <translation>卡片已加保护</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="136"/>
        <source>genuine NXP chip</source>
        <translation>NXP 原厂芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="137"/>
        <source>simulated chip</source>
        <translation>模拟芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="138"/>
        <source>no originality signature</source>
        <translation>无原厂签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="139"/>
        <source>originality signature does not verify</source>
        <translation>原厂签名校验失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="146"/>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="147"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="148"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="149"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="156"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="157"/>
        <source>Operator</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="158"/>
        <source>Card issuer</source>
        <translation>发卡员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="159"/>
        <source>Door</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="170"/>
        <source>manage staff</source>
        <translation>管理员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="171"/>
        <source>manage card keys</source>
        <translation>管理卡片密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="172"/>
        <source>export the key bundle</source>
        <translation>导出密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="173"/>
        <source>import a key bundle</source>
        <translation>导入密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="174"/>
        <source>change tiers, benefits and experiments</source>
        <translation>修改等级、权益和实验</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="177"/>
        <source>manage events</source>
        <translation>管理活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="178"/>
        <source>issue cards</source>
        <translation>发卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="179"/>
        <source>check members in</source>
        <translation>为会员签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="180"/>
        <source>annul a check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="181"/>
        <source>override a refusal at the door</source>
        <translation>在门口放行被拒的会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="182"/>
        <source>view the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="183"/>
        <source>verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="184"/>
        <source>see full phone numbers</source>
        <translation>查看完整手机号</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="185"/>
        <source>fill a database with the demo</source>
        <translation>向数据库填入演示数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="194"/>
        <source>The %1 role may not %2.</source>
        <translation>“%1”角色不能%2。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="198"/>
        <source>Your account may no longer do this: it was disabled or its role changed. Sign in again.</source>
        <translation>你的账号已无权执行此操作：账号已被停用或角色已变更。请重新登录。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="209"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="212"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="214"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="224"/>
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="226"/>
        <source>Wrong login or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="228"/>
        <source>This account is disabled. Ask an admin to enable it.</source>
        <translation>此账号已停用。请联系管理员启用。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="231"/>
        <source>Too many failed attempts.</source>
        <translation>失败次数过多。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="232"/>
        <source>This account has no PIN. Unlock with the password.</source>
        <translation>此账号没有 PIN 码。请用密码解锁。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="236"/>
        <source>Sign-in refused.</source>
        <translation>登录被拒绝。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="241"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="250"/>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="251"/>
        <source>Try again in %1.</source>
        <translation>请在 %1后重试。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="272"/>
        <location filename="../../console/words.py" line="303"/>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="275"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 至 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="276"/>
        <source>This database already has staff. Sign in instead.</source>
        <translation>此数据库已有员工，请直接登录。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="279"/>
        <source>The login %1 is already taken.</source>
        <translation>登录名 %1 已被使用。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="280"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="281"/>
        <source>The last active admin cannot be disabled.</source>
        <translation>不能停用最后一位在用的管理员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="283"/>
        <source>Enter the staff member&apos;s name.</source>
        <translation>请输入员工姓名。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="284"/>
        <source>This staff member no longer exists.</source>
        <translation>该员工已不存在。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="296"/>
        <source>A login is 2 to 40 lower-case letters, digits, dots, dashes or underscores.</source>
        <translation>登录名为 2 至 40 个小写字母、数字、点、连字符或下划线。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="310"/>
        <source>first admin created</source>
        <translation>创建首位管理员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="311"/>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="312"/>
        <source>sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="313"/>
        <source>sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="314"/>
        <source>unlocked with PIN</source>
        <translation>PIN 码解锁</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="315"/>
        <source>PIN unlock failed</source>
        <translation>PIN 码解锁失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="316"/>
        <source>PIN unlock refused</source>
        <translation>PIN 码解锁被拒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="317"/>
        <source>staff created</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="318"/>
        <source>staff disabled</source>
        <translation>停用员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="319"/>
        <source>staff enabled</source>
        <translation>启用员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="320"/>
        <source>password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="321"/>
        <source>PIN set</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="322"/>
        <source>PIN removed</source>
        <translation>删除 PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="323"/>
        <source>card job opened</source>
        <translation>开始制卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="324"/>
        <source>card encoded</source>
        <translation>写卡完成</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="325"/>
        <source>card overwritten</source>
        <translation>覆盖卡片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="326"/>
        <location filename="../../console/words.py" line="342"/>
        <source>check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="327"/>
        <source>keys created</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="328"/>
        <source>signing key rotated</source>
        <translation>轮换签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="329"/>
        <source>signing key retired</source>
        <translation>停用签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="330"/>
        <source>key bundle exported</source>
        <translation>导出密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="331"/>
        <source>key bundle imported</source>
        <translation>导入密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="332"/>
        <source>setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="339"/>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="340"/>
        <source>card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="341"/>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="343"/>
        <source>signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="344"/>
        <source>key bundle</source>
        <translation>密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="345"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
</context>
</TS>
