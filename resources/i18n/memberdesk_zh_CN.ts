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
    <name>BatchPanel</name>
    <message>
        <location filename="../../console/pages/card_batch.py" line="100"/>
        <location filename="../../console/pages/card_batch.py" line="385"/>
        <source>Start</source>
        <extracomment>A batch was created or opened; carries its id. A tap was worked (or a control used); carries the BatchProgress. What happened at a tap, on the GUI thread; carries the BatchEvent.</extracomment>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="103"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="105"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="107"/>
        <source>Keep the chip</source>
        <translation>保留此芯片</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="109"/>
        <source>Refuse the chip</source>
        <translation>拒用此芯片</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="287"/>
        <source>Tap the same card again to resume.</source>
        <translation>请再次放上同一张卡以继续。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="289"/>
        <source>Tap another card for %1.</source>
        <translation>请为%1放上另一张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="297"/>
        <source>The chip of %1&apos;s card did not pass the originality check. An admin keeps it or refuses it; then press Start.</source>
        <translation>%1的卡片芯片未通过原厂签名校验。请管理员决定保留或拒用，然后按“开始”。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="304"/>
        <source>The reader was lost.</source>
        <translation>读卡器已断开。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="323"/>
        <source>The card could not be read. Tap it again.</source>
        <translation>无法读取这张卡，请重新放上。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="360"/>
        <source>Originality failed: an admin decides</source>
        <translation>原厂签名校验未通过：由管理员决定</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="365"/>
        <source>Every member of the batch is dealt with.</source>
        <translation>本批次的会员均已处理。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="368"/>
        <source>Tap %1&apos;s interrupted card again to finish it.</source>
        <translation>请再次放上%1那张中断的卡以完成写卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="374"/>
        <source>Tap a blank card for %1 (#%2).</source>
        <translation>请为%1（#%2）放上一张空白卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="379"/>
        <source>Press Start, then tap blank cards.</source>
        <translation>按“开始”，然后依次放上空白卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="385"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_batch.py" line="398"/>
        <source>Only an admin decides.</source>
        <translation>只有管理员可以决定。</translation>
    </message>
</context>
<context>
    <name>BatchSummary</name>
    <message>
        <location filename="../../widgets/batch_summary.py" line="42"/>
        <source>No batch yet: queue members on the left.</source>
        <translation>尚无批次：请在左侧选择会员排队。</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_summary.py" line="48"/>
        <source>Batch %1 · %2</source>
        <translation>批次 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_summary.py" line="56"/>
        <source>Done %1 · left %2 · failed %3 · skipped %4 · %5 per card</source>
        <translation>已完成 %1 · 剩余 %2 · 失败 %3 · 跳过 %4 · 每张 %5</translation>
    </message>
</context>
<context>
    <name>BatchTable</name>
    <message>
        <location filename="../../widgets/batch_table.py" line="50"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_table.py" line="51"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_table.py" line="52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_table.py" line="53"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_table.py" line="54"/>
        <source>Chip UID</source>
        <translation>芯片 UID</translation>
    </message>
    <message>
        <location filename="../../widgets/batch_table.py" line="55"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
</context>
<context>
    <name>CancelEventDialog</name>
    <message>
        <location filename="../../console/event_dialog.py" line="356"/>
        <source>Cancel event</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="357"/>
        <source>Cancel the &amp;event</source>
        <translation>取消这场活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="358"/>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="362"/>
        <source>Cancel “%1”? The door refuses every scan for it from then on. Its check-ins stay on record.</source>
        <translation>取消“%1”吗？此后门口会拒绝这场活动的所有刷卡和扫码，已有的签到记录仍会保留。</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="367"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="369"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CardContents</name>
    <message>
        <location filename="../../console/pages/card_contents.py" line="37"/>
        <source>not a card file</source>
        <translation>不是卡片文件</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_contents.py" line="40"/>
        <source>other data (no NDEF message)</source>
        <translation>其他数据（无 NDEF 消息）</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_contents.py" line="42"/>
        <source>blank</source>
        <translation>空白卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_contents.py" line="46"/>
        <source>other data</source>
        <translation>其他数据</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_contents.py" line="57"/>
        <source>card %1 of %2</source>
        <translation>%2的卡 %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_contents.py" line="62"/>
        <source>, issue %1</source>
        <translation>，第 %1 版</translation>
    </message>
</context>
<context>
    <name>CardLifeDialog</name>
    <message>
        <location filename="../../console/card_life_dialog.py" line="75"/>
        <source>Reason</source>
        <extracomment>A step was taken; carries its code (reissued, revoked, found). The issuer wants to encode the member&apos;s waiting card; carries the id.</extracomment>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="78"/>
        <source>Reissue</source>
        <translation>补办</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="80"/>
        <source>Revoke the card and open its next issue</source>
        <translation>注销此卡并开启下一版</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="83"/>
        <source>Revoke…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="85"/>
        <source>Mark found</source>
        <translation>标记为已找回</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="87"/>
        <source>Encode the new card</source>
        <translation>写入新卡</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="100"/>
        <source>Card / step</source>
        <translation>卡号 / 步骤</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="101"/>
        <source>Issue</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="102"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="103"/>
        <source>Chip UID</source>
        <translation>芯片 UID</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="104"/>
        <location filename="../../console/card_life_dialog.py" line="115"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="105"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="115"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="115"/>
        <source>Audit entry</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="129"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="139"/>
        <source>Cards, issue by issue</source>
        <translation>卡片（按版次）</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="141"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="155"/>
        <source>Card of %1</source>
        <translation>%1的卡片</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="157"/>
        <source>%1 (#%2)</source>
        <translation>%1（#%2）</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="217"/>
        <source>Revoke this card?</source>
        <translation>注销这张卡？</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="218"/>
        <source>Every door will refuse the card from now on. Reason: %1.</source>
        <translation>此后所有门口都将拒绝这张卡。原因：%1。</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="256"/>
        <source>Reissued. Encode the new card on a blank chip.</source>
        <translation>已补办。请将新卡写入一张空白芯片。</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="257"/>
        <source>The card is revoked.</source>
        <translation>此卡已注销。</translation>
    </message>
    <message>
        <location filename="../../console/card_life_dialog.py" line="291"/>
        <source>Card…</source>
        <translation>卡片…</translation>
    </message>
</context>
<context>
    <name>CardRoom</name>
    <message>
        <location filename="../../console/pages/card_room.py" line="89"/>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_room.py" line="90"/>
        <source>Lost and returned</source>
        <translation>挂失与回收</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_room.py" line="91"/>
        <source>Card faces</source>
        <translation>卡面</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_room.py" line="92"/>
        <source>Readers</source>
        <translation>读卡器</translation>
    </message>
</context>
<context>
    <name>CardTray</name>
    <message>
        <location filename="../../widgets/card_tray.py" line="57"/>
        <source>Virtual cards</source>
        <extracomment>The user asked to put the card file at this path on the reader. The user asked to take the card that is on the reader off.</extracomment>
        <translation>虚拟卡</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="63"/>
        <source>Place on reader</source>
        <translation>放到读卡器上</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="65"/>
        <source>Take off</source>
        <translation>取下</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="67"/>
        <source>Other card file…</source>
        <translation>其他卡文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="110"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="135"/>
        <source>The reader is empty.</source>
        <translation>读卡器上没有卡。</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="139"/>
        <source>On the reader: %1</source>
        <translation>读卡器上：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="155"/>
        <source>Virtual card file</source>
        <translation>虚拟卡文件</translation>
    </message>
    <message>
        <location filename="../../widgets/card_tray.py" line="157"/>
        <source>Card images (*.json *.nfc)</source>
        <translation>卡镜像 (*.json *.nfc)</translation>
    </message>
</context>
<context>
    <name>CardWords</name>
    <message>
        <location filename="../../console/pages/card_words.py" line="25"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="26"/>
        <source>on the reader</source>
        <translation>正在写卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="27"/>
        <location filename="../../console/pages/card_words.py" line="102"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="28"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="29"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="30"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="40"/>
        <source>Not a diamond member: no card.</source>
        <translation>不是钻石会员：不发卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="43"/>
        <source>Skipped by the issuer.</source>
        <translation>发卡员已跳过。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="44"/>
        <source>Paused before a card came.</source>
        <translation>未放卡即已暂停。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="45"/>
        <source>The console stopped mid-card.</source>
        <translation>写卡途中控制台停止了。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="46"/>
        <source>The reader was lost.</source>
        <translation>读卡器已断开。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="47"/>
        <source>An admin refused the chip: needs another card.</source>
        <translation>管理员拒用了此芯片：需要另一张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="50"/>
        <source>The card file cannot be used.</source>
        <translation>此卡片文件无法使用。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="59"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="60"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="61"/>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="62"/>
        <source>taking cards</source>
        <translation>正在收卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="72"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="73"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="79"/>
        <source>lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="80"/>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="81"/>
        <source>stolen</source>
        <translation>被盗</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="82"/>
        <source>left the programme</source>
        <translation>退出会员计划</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="83"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="90"/>
        <source>waiting to be encoded</source>
        <translation>等待写卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="91"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="92"/>
        <location filename="../../console/pages/card_words.py" line="104"/>
        <source>revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="93"/>
        <location filename="../../console/pages/card_words.py" line="106"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="101"/>
        <source>card job opened</source>
        <translation>开始制卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="103"/>
        <source>encoded</source>
        <translation>写卡完成</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="105"/>
        <source>found</source>
        <translation>已找回</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="107"/>
        <source>chip overwritten</source>
        <translation>芯片被覆盖</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="108"/>
        <source>recycling: chip opened</source>
        <translation>回收：芯片已解锁</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="109"/>
        <source>recycling: message blanked</source>
        <translation>回收：内容已清空</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="110"/>
        <source>recycling: password removed</source>
        <translation>回收：密码已移除</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="111"/>
        <source>recycling interrupted</source>
        <translation>回收中断</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="112"/>
        <source>recycled: blank chip</source>
        <translation>已回收：空白芯片</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="120"/>
        <source>card batch created</source>
        <translation>创建制卡批次</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="121"/>
        <source>batch member skipped</source>
        <translation>批次会员已跳过</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="122"/>
        <source>batch member retried</source>
        <translation>批次会员重试</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="123"/>
        <source>chip originality decided</source>
        <translation>芯片原厂校验已裁定</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="124"/>
        <source>card reissued</source>
        <translation>卡片补办</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="125"/>
        <source>card revoked</source>
        <translation>卡片注销</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="126"/>
        <source>card found</source>
        <translation>卡片找回</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="127"/>
        <source>chip recycled</source>
        <translation>芯片回收</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="128"/>
        <source>card face printed</source>
        <translation>卡面打印</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="137"/>
        <source>This member has never had a card: issue a first card.</source>
        <translation>该会员从未有过卡片：请先发第一张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="140"/>
        <source>A reissued card is already waiting to be encoded.</source>
        <translation>已有一张补办的卡在等待写入。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="143"/>
        <source>This member has no revoked card.</source>
        <translation>该会员没有已注销的卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="144"/>
        <source>This member holds no active card.</source>
        <translation>该会员没有有效的卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="145"/>
        <source>This chip is still an active card: revoke it first.</source>
        <translation>此芯片仍是一张有效的卡：请先注销。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="148"/>
        <source>No card of this programme was ever on this chip; it is left as it is.</source>
        <translation>此芯片从未写过本计划的卡片，保持原样。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="152"/>
        <source>Choose a reason.</source>
        <translation>请选择原因。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="153"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="162"/>
        <source>The card is active again; the waiting reissue is cancelled.</source>
        <translation>此卡已恢复有效；等待中的补办已取消。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="165"/>
        <source>Noted. A newer card is out, so recycle the found one.</source>
        <translation>已记录。已有更新的卡片，请回收找回的这张。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="175"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="177"/>
        <source>The libusb-1.0 library is not installed.</source>
        <translation>未安装 libusb-1.0 库。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="178"/>
        <source>Install libusb-1.0, then check again.</source>
        <translation>请安装 libusb-1.0，然后重新检查。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="181"/>
        <source>No reader that this console drives is plugged in.</source>
        <translation>没有插入本控制台支持的读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="182"/>
        <source>Plug in a Sony RC-S380, a PN533 board, an SCL3711 or an ACR122U (firmware 2.x).</source>
        <translation>请插入 Sony RC-S380、PN533 板、SCL3711 或 ACR122U（固件 2.x）。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="189"/>
        <source>This account may not use the reader.</source>
        <translation>当前账户无权使用此读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="190"/>
        <source>Add a udev rule for the reader, then replug it.</source>
        <translation>为读卡器添加 udev 规则，然后重新插拔。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="193"/>
        <source>A kernel module holds the reader.</source>
        <translation>有内核模块占用了读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="194"/>
        <source>Unload and blacklist the module, then replug the reader.</source>
        <translation>卸载并屏蔽该模块，然后重新插拔读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="199"/>
        <source>The smart-card service pcscd holds the reader.</source>
        <translation>智能卡服务 pcscd 占用了读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="200"/>
        <source>Stop pcscd, then check again.</source>
        <translation>停止 pcscd，然后重新检查。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="203"/>
        <source>This ACR122U&apos;s firmware cannot be driven (2.x needed).</source>
        <translation>此 ACR122U 的固件无法驱动（需要 2.x）。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="206"/>
        <source>Use an ACR122U with firmware 2.x, or another reader.</source>
        <translation>请使用固件 2.x 的 ACR122U，或换一台读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="211"/>
        <source>The reader did not answer as expected.</source>
        <translation>读卡器的应答不正常。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="212"/>
        <source>Unplug it, wait a few seconds and plug it in again.</source>
        <translation>拔下读卡器，等几秒后再插上。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="220"/>
        <source>The reader could not be opened.</source>
        <translation>无法打开读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_words.py" line="221"/>
        <source>See the details below.</source>
        <translation>请查看下方详情。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/app.py" line="296"/>
        <source>Card tray</source>
        <translation>卡托盘</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="327"/>
        <source>The simulated reader is not open yet.</source>
        <translation>模拟读卡器尚未打开。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="333"/>
        <source>This card file cannot be used: %1</source>
        <translation>无法使用此卡文件：%1</translation>
    </message>
    <message>
        <location filename="../../console/secret_prompt.py" line="40"/>
        <location filename="../../console/secret_prompt.py" line="47"/>
        <source>Secret file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../../console/secret_prompt.py" line="48"/>
        <source>Passphrase of the secret file:</source>
        <translation>密钥文件的口令：</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="376"/>
        <source>memberdesk cannot start</source>
        <translation>memberdesk 无法启动</translation>
    </message>
    <message>
        <location filename="../../console/secret_prompt.py" line="41"/>
        <source>The secret file stays locked.</source>
        <translation>密钥文件仍未解锁。</translation>
    </message>
</context>
<context>
    <name>CopyEventDialog</name>
    <message>
        <location filename="../../console/event_dialog.py" line="293"/>
        <source>Copy event</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="294"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="299"/>
        <source>The copy keeps the rules of “%1”: tiers, capacity, registration, re-entry and the yearly caps.</source>
        <translation>副本沿用“%1”的规则：可参加等级、人数上限、报名要求、再次入场和年度上限。</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="304"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="305"/>
        <source>Move it to a new start</source>
        <translation>改到新的开始时间</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="306"/>
        <source>New start</source>
        <translation>新的开始时间</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="312"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="313"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="314"/>
        <source>New &amp;start</source>
        <translation>新的开始时间(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="317"/>
        <source>Moved, its door opening hours move with it. Not moved, it keeps the dates and has no door opening hours until they are set.</source>
        <translation>改期后，入场时间随之平移；不改期则保留原日期，但在重新设置之前没有入场时间。</translation>
    </message>
</context>
<context>
    <name>DoorActionDialog</name>
    <message>
        <location filename="../../console/door_dialogs.py" line="60"/>
        <source>Undo a check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="61"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="63"/>
        <source>Admit over a refusal</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="64"/>
        <source>&amp;Admit</source>
        <translation>放行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="67"/>
        <source>unknown member</source>
        <translation>未知会员</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="70"/>
        <source>Undo %1&apos;s check-in (%2). The row stays, marked undone.</source>
        <translation>撤销 %1 的签到（%2）。记录会保留，并标记为已撤销。</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="73"/>
        <source>Admit %1 over the refusal “%2”. The refusal stays on record.</source>
        <translation>放行 %1，不按“%2”拒绝。原拒绝记录仍会保留。</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="81"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="83"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="88"/>
        <source>Supervisor login</source>
        <translation>主管登录名</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="90"/>
        <source>Supervisor signs with</source>
        <translation>主管验证方式</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="91"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="92"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="93"/>
        <source>Supervisor PIN or password</source>
        <translation>主管 PIN 码或密码</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="96"/>
        <source>&amp;Supervisor</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="97"/>
        <source>Signs &amp;with</source>
        <translation>验证方式(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="98"/>
        <source>PIN or &amp;password</source>
        <translation>PIN 码或密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="101"/>
        <source>A supervisor (an operator or an admin) signs for this with a PIN or password.</source>
        <translation>需由主管（运营或管理员）输入 PIN 码或密码确认。</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="118"/>
        <source>Say why, in a few words.</source>
        <translation>请简单说明原因。</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="121"/>
        <source>Enter the supervisor&apos;s login.</source>
        <translation>请输入主管的登录名。</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="124"/>
        <source>Enter the supervisor&apos;s PIN.</source>
        <translation>请输入主管的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../console/door_dialogs.py" line="126"/>
        <source>Enter the supervisor&apos;s password.</source>
        <translation>请输入主管的密码。</translation>
    </message>
</context>
<context>
    <name>DoorCorrections</name>
    <message>
        <location filename="../../console/door_corrections.py" line="51"/>
        <source>&amp;Undo… (Ctrl+Z)</source>
        <extracomment>An undo or override went through; carries the Annulment or Verdict. A dialog opened; carries it.</extracomment>
        <translation>撤销(&amp;U)… (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../console/door_corrections.py" line="54"/>
        <source>&amp;Override…</source>
        <translation>主管放行(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>DoorCountersBar</name>
    <message>
        <location filename="../../widgets/door_counters.py" line="58"/>
        <source>Inside now</source>
        <translation>场内人数</translation>
    </message>
    <message>
        <location filename="../../widgets/door_counters.py" line="59"/>
        <source>Admitted</source>
        <translation>已入场</translation>
    </message>
    <message>
        <location filename="../../widgets/door_counters.py" line="60"/>
        <source>Capacity</source>
        <translation>人数上限</translation>
    </message>
    <message>
        <location filename="../../widgets/door_counters.py" line="61"/>
        <source>Not yet uploaded</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../widgets/door_counters.py" line="89"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../widgets/door_counters.py" line="94"/>
        <source>%1 places left</source>
        <translation>剩余 %1 个名额</translation>
    </message>
</context>
<context>
    <name>DoorPage</name>
    <message>
        <location filename="../../console/pages/door.py" line="113"/>
        <source>Event</source>
        <extracomment>A verdict is on screen: the services Verdict, NoEventChosen, or the exception that kept a scan from being decided (nothing recorded). Counters and last scans were read again; carries the DoorCounters, or None with no event chosen. An undo or an override went through; carries the Annulment or Verdict. An undo or override dialog opened; carries the dialog. The person asks for full screen, or to leave it (button or F11). Entry or exit mode; carries &quot;in&quot; or &quot;out&quot;.</extracomment>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="172"/>
        <source>Last scans</source>
        <translation>最近刷卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="167"/>
        <source>&amp;Event</source>
        <translation>活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="116"/>
        <source>E&amp;xit mode (F8)</source>
        <translation>离场模式(&amp;X) (F8)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="120"/>
        <location filename="../../console/pages/door.py" line="226"/>
        <source>&amp;Full screen (F11)</source>
        <translation>全屏(&amp;F) (F11)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="130"/>
        <source>EXIT MODE: every tap or scan records a member leaving.</source>
        <translation>离场模式：每次刷卡或扫码都登记为会员离场。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="136"/>
        <source>Admit over this refusal… (F9)</source>
        <translation>主管放行… (F9)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="159"/>
        <location filename="../../console/pages/door.py" line="207"/>
        <source>Door</source>
        <translation>入场核验</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="224"/>
        <source>Leave full screen (Esc)</source>
        <translation>退出全屏 (Esc)</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="237"/>
        <source>Online: uploaded as they happen</source>
        <translation>在线：签到即时上传</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="239"/>
        <source>Offline: deciding from this station&apos;s copy</source>
        <translation>离线：按本机数据判定</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="241"/>
        <source>Sync stopped: deciding from this station&apos;s copy</source>
        <translation>同步已停止：按本机数据判定</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="243"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="245"/>
        <source>No sync set up on this station</source>
        <translation>本机未设置同步</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="260"/>
        <source>Flagged on upload: a member let in here had already come in at another desk (%1 so far). Check the member&apos;s card; the audit log names both check-ins.</source>
        <translation>上传时被标记：本机放行的一位会员此前已在另一入口入场（至今共 %1 次）。请核查该会员的卡；审计日志中记有两条签到。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="274"/>
        <source>Choose an event…</source>
        <translation>请选择活动…</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="430"/>
        <source>The counters could not be read.</source>
        <translation>无法读取计数。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="459"/>
        <source>unknown member</source>
        <translation>未知会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="461"/>
        <source>%1&apos;s check-in was undone.</source>
        <translation>已撤销 %1 的签到。</translation>
    </message>
    <message>
        <location filename="../../console/pages/door.py" line="466"/>
        <source>%1 was admitted by a supervisor.</source>
        <translation>%1 已由主管放行。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="45"/>
        <source>ADMIT</source>
        <translation>准许入场</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="49"/>
        <source>TAP AGAIN</source>
        <translation>请再刷一次</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="64"/>
        <source>DO NOT ADMIT</source>
        <translation>禁止入场</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="81"/>
        <source>Choose an event first</source>
        <translation>请先选择活动</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="76"/>
        <source>This card was not checked in. Choose the event above, then tap the card again.</source>
        <translation>这张卡未签到。请先在上方选择活动，再刷一次卡。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="100"/>
        <source>Choose an event</source>
        <translation>请选择活动</translation>
    </message>
</context>
<context>
    <name>DoorVerdicts</name>
    <message>
        <location filename="../../console/door_verdicts.py" line="43"/>
        <source>EXIT</source>
        <translation>已离场</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="51"/>
        <source>SCAN AGAIN</source>
        <translation>请重新扫码</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="55"/>
        <source>SUPERVISOR NEEDED</source>
        <translation>请主管处理</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="58"/>
        <source>A supervisor may admit over this refusal.</source>
        <translation>主管可以决定放行。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="70"/>
        <source>This code was not checked in. Choose the event above, then scan the code again.</source>
        <translation>此码未签到。请先在上方选择活动，再扫一次码。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="90"/>
        <source>The scan could not be decided; nothing was recorded.</source>
        <translation>无法判定这次扫描，未做任何登记。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="93"/>
        <source>NOT CHECKED IN</source>
        <translation>未签到</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="101"/>
        <source>Taps and scans are checked in once an event is chosen.</source>
        <translation>选择活动后，刷卡和扫码才会签到。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="108"/>
        <source>Exit: tap a card or scan a code</source>
        <translation>离场：请刷卡或扫码</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="109"/>
        <source>Members leaving tap their card or show their code.</source>
        <translation>离场的会员请刷卡或出示会员码。</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="116"/>
        <source>Tap a card or scan a code</source>
        <translation>请刷卡或扫码</translation>
    </message>
    <message>
        <location filename="../../console/door_verdicts.py" line="117"/>
        <source>Members tap their card on the reader or show their code.</source>
        <translation>请会员在读卡器上刷卡，或出示会员码。</translation>
    </message>
</context>
<context>
    <name>DoorWords</name>
    <message>
        <location filename="../../console/door_words.py" line="27"/>
        <source>This check-in is not on this station.</source>
        <translation>本工作站没有这条签到记录。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="30"/>
        <source>This check-in is undone already.</source>
        <translation>这条签到已经撤销。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="31"/>
        <source>A refusal let nobody in: there is nothing to undo.</source>
        <translation>被拒的记录没有放任何人入场，无需撤销。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="34"/>
        <source>Only a refused entry can be admitted over.</source>
        <translation>只有被拒的入场才能由主管放行。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="37"/>
        <source>This refusal can never be overridden: the card or code is not trusted, or there is nobody to admit.</source>
        <translation>这类拒绝不能放行：卡片或会员码不可信，或者没有可放行的会员。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="42"/>
        <source>This refusal was overridden already.</source>
        <translation>这次拒绝已经放行过了。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="45"/>
        <source>The member is counted inside already. If that entry was a mistake, undo it first.</source>
        <translation>该会员已计为在场。如果那次入场有误，请先撤销。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="50"/>
        <source>Say why, in a few words (at most 200 characters).</source>
        <translation>请简单说明原因（不超过 200 个字符）。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="53"/>
        <source>This needs a supervisor&apos;s PIN or password.</source>
        <translation>此操作需要主管的 PIN 码或密码。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="57"/>
        <source>The door refused this change.</source>
        <translation>门岗拒绝了这项更改。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="62"/>
        <source>VIP salon</source>
        <translation>VIP 沙龙</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="63"/>
        <source>Pop-up store</source>
        <translation>快闪店</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="64"/>
        <source>Headquarters visit</source>
        <translation>总部参观</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="65"/>
        <source>Member day</source>
        <translation>会员日</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="66"/>
        <source>Workshop</source>
        <translation>工作坊</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="73"/>
        <source>card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="74"/>
        <source>QR code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="82"/>
        <source>The station clock was set back by about %1 min. Check-ins keep their order; ask a supervisor to check the clock.</source>
        <translation>工作站时钟被调回了约 %1 分钟。签到顺序不受影响；请主管检查时钟。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="111"/>
        <source>The event needs a name.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="112"/>
        <source>The name is longer than %1 characters.</source>
        <translation>名称超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="115"/>
        <source>The venue is longer than 120 characters.</source>
        <translation>地点超过 120 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="118"/>
        <source>Choose the kind of event.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="119"/>
        <source>This time has no time zone.</source>
        <translation>这个时间没有时区。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="120"/>
        <source>The event must end after it starts.</source>
        <translation>活动结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="123"/>
        <source>The door opening hours need an opening and a closing time.</source>
        <translation>入场时间需要同时设置开始和结束。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="126"/>
        <source>The doors must close after they open.</source>
        <translation>停止入场时间必须晚于开始入场时间。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="129"/>
        <source>The door opening hours must overlap the event.</source>
        <translation>入场时间必须与活动时间有重叠。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="132"/>
        <source>Capacity is from 1 to %1, or no limit.</source>
        <translation>人数上限为 1 至 %1，或不限。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="135"/>
        <source>Choose at least one eligible tier.</source>
        <translation>请至少选择一个可参加的等级。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="136"/>
        <source>One of the tiers is not known.</source>
        <translation>有一个等级无法识别。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="137"/>
        <source>A yearly cap is from 1 to %1, or none.</source>
        <translation>年度上限为 1 至 %1，或不设。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="140"/>
        <source>Say why the event is cancelled.</source>
        <translation>请说明取消活动的原因。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="161"/>
        <source>A cancelled event cannot be changed; copy it instead.</source>
        <translation>已取消的活动不能修改，请复制一份再改。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="164"/>
        <source>The event is cancelled already.</source>
        <translation>活动已经取消。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="165"/>
        <source>Members were admitted to this event: its kind can no longer change.</source>
        <translation>本活动已有会员入场，活动类型不能再改。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="169"/>
        <source>Members were admitted to this event and count in this year&apos;s caps: it cannot move to another year.</source>
        <translation>本活动已有会员入场并计入本年度上限，不能改到其他年份。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="174"/>
        <source>Capacity cannot go below the members admitted already.</source>
        <translation>人数上限不能低于已入场人数。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="188"/>
        <source>The event is cancelled: registrations are closed.</source>
        <translation>活动已取消，报名已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="192"/>
        <source>The file is neither UTF-8 nor GB18030 text.</source>
        <translation>文件既不是 UTF-8 也不是 GB18030 编码的文本。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="195"/>
        <source>The file has more than %1 rows; split it.</source>
        <translation>文件超过 %1 行，请拆分后再导入。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="218"/>
        <source>No member has this id.</source>
        <translation>没有这个会员编号。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="219"/>
        <source>No member has this phone number.</source>
        <translation>没有会员使用这个手机号。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="220"/>
        <source>No card has this number.</source>
        <translation>没有这个卡号。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="221"/>
        <source>Several members share this phone number.</source>
        <translation>有多位会员使用这个手机号。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="224"/>
        <source>The member id, phone and card number name different members.</source>
        <translation>会员编号、手机号和卡号对应的不是同一位会员。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="227"/>
        <source>The same member as an earlier line.</source>
        <translation>与前面某一行是同一位会员。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="228"/>
        <source>The member&apos;s tier is not eligible for this event.</source>
        <translation>该会员的等级不符合本活动要求。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="231"/>
        <source>The member is registered already.</source>
        <translation>该会员已经报名。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="240"/>
        <source>The member id is not a number.</source>
        <translation>会员编号不是数字。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="241"/>
        <source>The phone is not a mainland mobile number.</source>
        <translation>手机号不是大陆手机号码。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="244"/>
        <source>The card number is not digits.</source>
        <translation>卡号不是数字。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="245"/>
        <source>The row names no member id, phone or card number.</source>
        <translation>这一行没有会员编号、手机号或卡号。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="248"/>
        <source>The note is longer than 200 characters.</source>
        <translation>备注超过 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="249"/>
        <source>The row has more cells than the header, or than a row without one.</source>
        <translation>这一行的列数多于表头（或无表头时多于两列）。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="257"/>
        <source>The row cannot be read.</source>
        <translation>无法读取这一行。</translation>
    </message>
    <message>
        <location filename="../../console/door_words.py" line="263"/>
        <source>The station database %1 is damaged (%2), so memberdesk did not open it.

Check-ins not yet uploaded are safe in the station&apos;s check-in journal beside it. Recover them into a new database with:

%3</source>
        <translation>工作站数据库 %1 已损坏（%2），memberdesk 没有打开它。

尚未上传的签到记录安全地保存在数据库旁的签到日志中。请用以下命令将它们恢复到新的数据库：

%3</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../console/event_dialog.py" line="118"/>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="119"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="121"/>
        <source>Edit event</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="122"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="131"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="132"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="133"/>
        <source>Set the door opening hours</source>
        <translation>设置入场时间</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="134"/>
        <source>Doors open</source>
        <translation>开始入场</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="135"/>
        <source>Doors close</source>
        <translation>停止入场</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="138"/>
        <source>Capacity</source>
        <translation>人数上限</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="138"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="148"/>
        <source>Only registered members</source>
        <translation>仅限已报名会员</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="149"/>
        <source>Members may leave and come back in</source>
        <translation>会员可离场后再次入场</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="150"/>
        <source>Yearly cap per member</source>
        <translation>每位会员每年上限</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="151"/>
        <source>Yearly places for the kind</source>
        <translation>此类活动每年名额</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="153"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="154"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="155"/>
        <source>&amp;Venue</source>
        <translation>地点(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="156"/>
        <source>&amp;Starts</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="157"/>
        <source>&amp;Ends</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="158"/>
        <source>Door hours</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="159"/>
        <source>Doors &amp;open</source>
        <translation>开始入场(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="160"/>
        <source>Doors &amp;close</source>
        <translation>停止入场(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="161"/>
        <source>Ca&amp;pacity</source>
        <translation>人数上限(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="162"/>
        <source>Eligible &amp;tiers</source>
        <translation>可参加等级(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="163"/>
        <source>Registration</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="164"/>
        <source>Re-entry</source>
        <translation>再次入场</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="165"/>
        <source>Per member a &amp;year</source>
        <translation>每人每年(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="166"/>
        <source>Places a ye&amp;ar</source>
        <translation>每年名额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="169"/>
        <source>The yearly caps count every event of this kind in the programme year: per member (2 VIP salons for a diamond member), and in total (100 headquarters places).</source>
        <translation>年度上限统计本会员年度内所有同类活动：按每位会员计（如钻石会员每年 2 场 VIP 沙龙），以及按总名额计（如总部参观每年 100 个名额）。</translation>
    </message>
    <message>
        <location filename="../../console/event_dialog.py" line="268"/>
        <source>Some fields need attention: see the notes under them.</source>
        <translation>有些字段需要修改，请看字段下方的提示。</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../console/pages/events.py" line="87"/>
        <location filename="../../console/pages/events.py" line="141"/>
        <location filename="../../console/pages/events.py" line="152"/>
        <source>Events</source>
        <extracomment>The list was reloaded; carries how many events it shows. A change went through: (what, the EventRow); what is created, changed, copied or cancelled. A dialog opened; carries it.</extracomment>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="91"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="92"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="93"/>
        <source>Door hours</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="95"/>
        <source>Admitted / capacity</source>
        <translation>已入场 / 上限</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="96"/>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="97"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="94"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="113"/>
        <source>&amp;New event…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="115"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="117"/>
        <source>C&amp;opy…</source>
        <translation>复制(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="119"/>
        <source>&amp;Cancel event…</source>
        <translation>取消活动(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="121"/>
        <source>&amp;Import registrations…</source>
        <translation>导入报名名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="123"/>
        <source>&amp;Show cancelled events</source>
        <translation>显示已取消的活动(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="194"/>
        <source>registration</source>
        <translation>需报名</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="196"/>
        <source>re-entry</source>
        <translation>可再次入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="196"/>
        <source>no re-entry</source>
        <translation>不可再次入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="200"/>
        <source>%1 a year per member</source>
        <translation>每人每年 %1 场</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="206"/>
        <source>%1 places a year</source>
        <translation>每年 %1 个名额</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="209"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="211"/>
        <source>Door hours not set</source>
        <translation>未设入场时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="213"/>
        <source>Scheduled</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="309"/>
        <source>Event created: %1</source>
        <translation>已创建活动：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="310"/>
        <source>Event saved: %1</source>
        <translation>已保存活动：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="311"/>
        <source>Event copied: %1</source>
        <translation>已复制活动：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/events.py" line="312"/>
        <source>Event cancelled: %1</source>
        <translation>已取消活动：%1</translation>
    </message>
</context>
<context>
    <name>FacePanel</name>
    <message>
        <location filename="../../console/pages/card_faces.py" line="92"/>
        <source>Find a member: name, phone tail, card number or #id</source>
        <extracomment>A preview is on screen; carries the member id. Faces were written; carries the list of paths. Making or saving a face failed; carries the words shown.</extracomment>
        <translation>查找会员：姓名、手机尾号、卡号或 #编号</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="95"/>
        <source>Find a member&apos;s card face</source>
        <translation>查找会员的卡面</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="109"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="111"/>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="113"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="115"/>
        <source>Sheet for the batch…</source>
        <translation>本批次拼版…</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="117"/>
        <source>The faces of the batch&apos;s encoded cards on A4, 10 a page (PDF)</source>
        <translation>本批次已写卡的卡面拼在 A4 上，每页 10 张（PDF）</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="231"/>
        <source>Choose a member, then Preview.</source>
        <translation>请选择会员，然后按“预览”。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="253"/>
        <source>No card of the batch is encoded yet.</source>
        <translation>本批次还没有写好的卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="274"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="282"/>
        <source>The file could not be written.</source>
        <translation>无法写入文件。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="285"/>
        <source>The card face could not be made.</source>
        <translation>无法生成卡面。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="292"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="294"/>
        <location filename="../../console/pages/card_faces.py" line="307"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="297"/>
        <source>Save the card face</source>
        <translation>保存卡面</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_faces.py" line="305"/>
        <source>Save the batch&apos;s card faces</source>
        <translation>保存本批次的卡面</translation>
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
    <name>ImportListDialog</name>
    <message>
        <location filename="../../console/card_import_dialog.py" line="111"/>
        <source>Import a list of members</source>
        <translation>导入会员名单</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="115"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="122"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="122"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="122"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="122"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="155"/>
        <source>%1 cannot be read as a text file.</source>
        <translation>%1 无法作为文本文件读取。</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="174"/>
        <source>%1 members will be queued; %2 lines are left out.</source>
        <translation>将有 %1 位会员排队；%2 行被排除。</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="179"/>
        <source>Queue %1 members</source>
        <translation>排队 %1 位会员</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="184"/>
        <source>OK</source>
        <translation>可以</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="185"/>
        <source>Not a member id</source>
        <translation>不是会员编号</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="186"/>
        <source>No such member</source>
        <translation>没有此会员</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="187"/>
        <source>Not a diamond member</source>
        <translation>不是钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="188"/>
        <source>Already holds a card</source>
        <translation>已持有卡片</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="189"/>
        <source>Listed twice</source>
        <translation>重复列出</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="196"/>
        <source>List of member ids</source>
        <translation>会员编号名单</translation>
    </message>
    <message>
        <location filename="../../console/card_import_dialog.py" line="198"/>
        <source>Text or CSV (*.txt *.csv);;All files (*)</source>
        <translation>文本或 CSV (*.txt *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>IssuancePage</name>
    <message>
        <location filename="../../console/pages/issuance.py" line="103"/>
        <source>Filter by name, phone tail or #id</source>
        <extracomment>A card was encoded and recorded as active. Encoding stopped without a card; carries the reason code. A card job is open and the page waits for a tap; carries the job. The card room&apos;s other tabs by key (batch, life, faces, readers).</extracomment>
        <translation>按姓名、手机尾号或 #编号筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="105"/>
        <source>Filter the card queue</source>
        <translation>筛选待制卡名单</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="122"/>
        <source>Encode card</source>
        <translation>写卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="124"/>
        <source>Encode card (Ctrl+E or Enter)</source>
        <translation>写卡（Ctrl+E 或回车）</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="126"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="127"/>
        <source>Stop waiting (Esc)</source>
        <translation>停止等待（Esc）</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="154"/>
        <source>Card encoded</source>
        <translation>写卡完成</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="161"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="162"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="163"/>
        <source>Chip UID</source>
        <translation>芯片 UID</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="164"/>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="165"/>
        <source>Originality</source>
        <translation>原厂签名</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="168"/>
        <source>Diamond members without a card</source>
        <translation>尚无会员卡的钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="201"/>
        <source>One card</source>
        <translation>单张</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="202"/>
        <location filename="../../console/pages/issuance.py" line="216"/>
        <source>Card issuance</source>
        <translation>制卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="277"/>
        <source>This station has no card keys.</source>
        <translation>本工作站没有卡密钥。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="282"/>
        <source>Card %1 for %2: tap a blank card on the reader.</source>
        <translation>为%2制作卡 %1：请将空白卡放到读卡器上。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="298"/>
        <source>Stopped. Choose a member to encode a card.</source>
        <translation>已停止。请选择会员后再写卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="342"/>
        <source>Done. The card can be taken off the reader.</source>
        <translation>完成，可以从读卡器上取下卡片。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="344"/>
        <source>Card %1 is ready.</source>
        <translation>卡 %1 已制作完成。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="362"/>
        <source>Tap the same card again to resume.</source>
        <translation>请再次刷同一张卡以继续。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="364"/>
        <source>Tap another card, or stop waiting.</source>
        <translation>请换一张卡，或停止等待。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="376"/>
        <source>The card could not be read.</source>
        <translation>无法读取这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="376"/>
        <source>Tap it again.</source>
        <translation>请再刷一次。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="415"/>
        <source>Choose a member, then Encode card.</source>
        <translation>请选择会员，然后点击“写卡”。</translation>
    </message>
    <message>
        <location filename="../../console/pages/issuance.py" line="418"/>
        <source>%1 (#%2): press Encode card, then tap a blank card.</source>
        <translation>%1（#%2）：点击“写卡”，再放上空白卡。</translation>
    </message>
</context>
<context>
    <name>LastScansTable</name>
    <message>
        <location filename="../../console/pages/door_scans.py" line="63"/>
        <source>Last scans</source>
        <translation>最近刷卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="68"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="69"/>
        <source>Verdict</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="70"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="71"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="72"/>
        <source>By</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="73"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="139"/>
        <source>exit</source>
        <translation>离场</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="141"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="143"/>
        <source>supervisor</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="145"/>
        <source>flagged: second entry</source>
        <translation>已标记：重复入场</translation>
    </message>
    <message>
        <location filename="../../console/pages/door_scans.py" line="147"/>
        <source>may be overridden</source>
        <translation>主管可放行</translation>
    </message>
</context>
<context>
    <name>LifePanel</name>
    <message>
        <location filename="../../console/pages/card_life.py" line="85"/>
        <source>Find a member: name, phone tail, card number or #id</source>
        <extracomment>The lifecycle dialog opened for a member; carries the dialog. A chip was recycled; carries the RecycleResult. Recycling stopped without a blank chip; carries the reason code. A card changed (reissued, revoked, found); carries the member id. &quot;Encode the new card&quot; was pressed in the dialog; carries the member id.</extracomment>
        <translation>查找会员：姓名、手机尾号、卡号或 #编号</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="88"/>
        <source>Find a member&apos;s card</source>
        <translation>查找会员的卡片</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="90"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="97"/>
        <source>Card…</source>
        <translation>卡片…</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="99"/>
        <source>The member&apos;s card and its history (Ctrl+K)</source>
        <translation>会员的卡片及其历史（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="103"/>
        <source>Recycle a handed-back card</source>
        <translation>回收交还的卡</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="105"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="121"/>
        <source>Recycle</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="126"/>
        <source>A card handed back, or found after a newer issue was encoded, is wiped here: the password removed and the message blanked, so the chip can carry another card.</source>
        <translation>会员交还的卡，或在新版卡写好后才找回的卡，在这里清除：移除密码、清空内容，芯片便可再写一张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="215"/>
        <source>Tap the handed-back card on the reader.</source>
        <translation>请把交还的卡放到读卡器上。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="237"/>
        <source>%1 %2 was already blank.</source>
        <translation>%1 %2 本来就是空白的。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="240"/>
        <source>%1 %2 is blank and unprotected; it carried card %3. It can take a new card.</source>
        <translation>%1 %2 已清空并解除保护；它原是卡 %3，现在可以写入新卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="253"/>
        <source>The card could not be read.</source>
        <translation>无法读取这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="255"/>
        <source>Tap the same card again to finish.</source>
        <translation>请再次放上同一张卡以完成。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_life.py" line="257"/>
        <source>Take the card off the reader.</source>
        <translation>请把卡从读卡器上拿开。</translation>
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
        <location filename="../../console/main_window.py" line="68"/>
        <source>memberdesk — %1</source>
        <extracomment>The shown page changed; carries the page&apos;s key. Ctrl+L: the person at the desk asks to lock it now.</extracomment>
        <translation>memberdesk — %1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="90"/>
        <source>Pages</source>
        <extracomment>Docked panels by key, such as the demo&apos;s &quot;card_tray&quot;. Who is signed in and the lock: set by the composition root. The card room&apos;s tabs on the issuance page: set by the composition root. The door&apos;s full screen: set by the composition root. The sync worker&apos;s bridge: set by the composition root. The station&apos;s time zone, for times in the status bar.</extracomment>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="124"/>
        <source>Station: %1</source>
        <translation>工作站：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="125"/>
        <location filename="../../console/main_window.py" line="185"/>
        <source>Staff: %1</source>
        <translation>工作人员：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="254"/>
        <source>Reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="262"/>
        <source>The reader is not available: %1</source>
        <translation>读卡器不可用：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="273"/>
        <source>Last synced: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="284"/>
        <source>Locked: the card tap was not checked in.</source>
        <translation>已锁定：此次刷卡未签到。</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="286"/>
        <source>A card was tapped, but this page does not use cards.</source>
        <translation>检测到刷卡，但当前页面不使用会员卡。</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../../console/pages/card_picker.py" line="52"/>
        <source>Filter by name, phone tail or #id</source>
        <extracomment>A batch of these member ids is wanted, in the table&apos;s order. The issuer wants to import a list of ids from a file.</extracomment>
        <translation>按姓名、手机尾号或 #编号筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_picker.py" line="54"/>
        <source>Filter the members to queue</source>
        <translation>筛选要排队的会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_picker.py" line="70"/>
        <source>New batch of the selected</source>
        <translation>用所选会员新建批次</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_picker.py" line="74"/>
        <source>Import a list…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_picker.py" line="79"/>
        <source>Diamond members without a card</source>
        <translation>尚无卡片的钻石会员</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../widgets/member_table.py" line="87"/>
        <source>ID</source>
        <extracomment>The query changed and the first page is loaded; carries the total.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="88"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="89"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="90"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="91"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="92"/>
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../../widgets/member_table.py" line="93"/>
        <source>Spend</source>
        <translation>消费</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../console/pages/members.py" line="99"/>
        <source>Search: name, phone tail, card number or #id</source>
        <extracomment>The search ran; carries how many members match.</extracomment>
        <translation>搜索：姓名、手机尾号、卡号或 #编号</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="102"/>
        <source>Search members</source>
        <translation>搜索会员</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="111"/>
        <source>Tier filter</source>
        <translation>等级筛选</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="112"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../console/pages/members.py" line="134"/>
        <location filename="../../console/pages/members.py" line="148"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/members.py" line="188"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位会员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Overwrite</name>
    <message>
        <location filename="../../console/card_overwrite_dialog.py" line="79"/>
        <source>The card holds data that is not a member card of ours.</source>
        <translation>这张卡上的数据不是本计划的会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/card_overwrite_dialog.py" line="83"/>
        <source>The card belongs to another member.</source>
        <translation>这张卡属于另一位会员。</translation>
    </message>
    <message>
        <location filename="../../console/card_overwrite_dialog.py" line="86"/>
        <source>It is card %1 of %2.</source>
        <translation>它是%2的卡 %1。</translation>
    </message>
    <message>
        <location filename="../../console/card_overwrite_dialog.py" line="91"/>
        <source>It is card %1 of member #%2.</source>
        <translation>它是会员 #%2 的卡 %1。</translation>
    </message>
    <message>
        <location filename="../../console/card_overwrite_dialog.py" line="107"/>
        <source>Overwrite this card?</source>
        <translation>覆盖这张卡？</translation>
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
    <name>ReaderPanel</name>
    <message>
        <location filename="../../console/pages/card_readers.py" line="57"/>
        <source>Check again</source>
        <extracomment>A check finished; carries the Diagnosis.</extracomment>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="96"/>
        <source>Checking the readers…</source>
        <translation>正在检查读卡器…</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="105"/>
        <source>the simulated reader</source>
        <translation>模拟读卡器</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="110"/>
        <source>This console uses %1: %2.</source>
        <translation>本控制台使用%1：%2。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="125"/>
        <source>USB readers that can be opened: %1.</source>
        <translation>可打开的 USB 读卡器：%1 台。</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="128"/>
        <source>This station</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="139"/>
        <source>The check itself failed: %1</source>
        <translation>检查本身出错：%1</translation>
    </message>
    <message>
        <location filename="../../console/pages/card_readers.py" line="156"/>
        <source>Fix: %1</source>
        <translation>解决办法：%1</translation>
    </message>
</context>
<context>
    <name>RegistrationImportDialog</name>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="65"/>
        <source>Import registrations</source>
        <extracomment>The file was read; carries the ImportPreview. The good rows were registered; carries the ImportResult. The file or the commit was refused; carries the words shown.</extracomment>
        <translation>导入报名名单</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="72"/>
        <source>Registrations for “%1”. One member a row, named by member id, phone or card number; a header row may say which (member_id, phone, card_number, note). Nothing is registered before you press Register.</source>
        <translation>“%1”的报名名单。每行一位会员，可用会员编号、手机号或卡号；可以用表头说明各列（member_id、phone、card_number、note）。按“报名”之前不会登记任何人。</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="81"/>
        <source>&amp;Choose a CSV file…</source>
        <translation>选择 CSV 文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="83"/>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="91"/>
        <location filename="../../console/registration_import_dialog.py" line="121"/>
        <source>Rows left out</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="93"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="93"/>
        <source>Row</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="93"/>
        <source>Why it is left out</source>
        <translation>未导入原因</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="105"/>
        <source>&amp;Register</source>
        <translation>报名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="109"/>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="129"/>
        <source>Registrations</source>
        <translation>报名名单</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="131"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="142"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="184"/>
        <source>%1 rows read: %2 to register, %3 left out (listed below).</source>
        <translation>共读取 %1 行：%2 行可报名，%3 行未导入（见下表）。</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="191"/>
        <source>&amp;Register %1 members</source>
        <translation>为 %1 位会员报名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="200"/>
        <source>%1 members registered.</source>
        <translation>已为 %1 位会员报名。</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="204"/>
        <source>%1 were registered meanwhile.</source>
        <translation>其中 %1 位在此期间已由他人报名。</translation>
    </message>
    <message>
        <location filename="../../console/registration_import_dialog.py" line="216"/>
        <source>The file cannot be read.</source>
        <translation>无法读取文件。</translation>
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
        <location filename="../../console/guard.py" line="113"/>
        <source>nobody signed in</source>
        <extracomment>The sign-in dialog opened after a sign-out; carries the dialog.</extracomment>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../console/guard.py" line="145"/>
        <source>%1 (locked)</source>
        <translation>%1（已锁定）</translation>
    </message>
</context>
<context>
    <name>StationMode</name>
    <message>
        <location filename="../../console/door_station.py" line="95"/>
        <source>Leave full screen?</source>
        <extracomment>Full screen began (True) or ended (False). Esc asked to leave and a confirmation opened; carries the message box.</extracomment>
        <translation>退出全屏？</translation>
    </message>
    <message>
        <location filename="../../console/door_station.py" line="97"/>
        <source>The door station leaves full screen and the other pages come back. Leave full screen?</source>
        <translation>门岗工作站将退出全屏，其他页面会重新出现。要退出全屏吗？</translation>
    </message>
    <message>
        <location filename="../../console/door_station.py" line="104"/>
        <source>&amp;Leave</source>
        <translation>退出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/door_station.py" line="105"/>
        <source>&amp;Stay</source>
        <translation>留在全屏(&amp;S)</translation>
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
        <source>Forged or damaged card or code: the signature does not verify</source>
        <translation>伪造或损坏的卡或会员码：签名校验失败</translation>
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
        <source>Card not finished at the card desk</source>
        <translation>卡片尚未制作完成，请到制卡处处理</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="45"/>
        <source>Card revoked</source>
        <translation>卡已注销</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="46"/>
        <source>Old card: a newer issue has replaced it</source>
        <translation>旧卡：已被新补发的卡取代</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="49"/>
        <source>Member not known to this station</source>
        <translation>本工作站不认识该会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="50"/>
        <source>Tier not eligible for this event</source>
        <translation>会员等级不符合本活动要求</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="53"/>
        <source>Not registered for this event</source>
        <translation>未报名本活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="54"/>
        <source>Outside the door opening hours</source>
        <translation>不在入场开放时间内</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="55"/>
        <source>Event cancelled</source>
        <translation>活动已取消</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="56"/>
        <source>Event full</source>
        <translation>活动名额已满</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="57"/>
        <source>Card read failed: tap again</source>
        <translation>读卡失败：请再刷一次</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="58"/>
        <source>Admitted by a supervisor</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="59"/>
        <source>Exit recorded</source>
        <translation>已登记离场</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="60"/>
        <source>Not inside: no exit to record</source>
        <translation>未入场，无法登记离场</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="61"/>
        <source>Choose an event first (nothing recorded)</source>
        <translation>请先选择活动（未登记）</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="62"/>
        <source>Re-entry is not allowed at this event</source>
        <translation>本活动不允许再次入场</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="65"/>
        <source>This event has no door opening hours yet</source>
        <translation>本活动尚未设置入场时间</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="68"/>
        <source>This member has used this year&apos;s events of this kind</source>
        <translation>该会员本年度此类活动次数已用完</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="71"/>
        <source>This year&apos;s places for events of this kind are taken</source>
        <translation>本年度此类活动名额已满</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="74"/>
        <source>QR code not read in full: scan again</source>
        <translation>二维码未读全，请重新扫描</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="75"/>
        <source>Member QR code expired</source>
        <translation>会员码已过期</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="76"/>
        <source>Member QR code revoked</source>
        <translation>会员码已作废</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="90"/>
        <source>Free</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="91"/>
        <source>Silver</source>
        <translation>白银会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="92"/>
        <source>Gold</source>
        <translation>黄金会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="93"/>
        <source>Diamond</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="101"/>
        <source>No such member.</source>
        <translation>没有这位会员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="102"/>
        <source>Only diamond members get a card.</source>
        <translation>只有钻石会员可以办理会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="103"/>
        <source>This member already holds an active card.</source>
        <translation>该会员已有一张有效会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="107"/>
        <source>The card desk refused this card.</source>
        <translation>制卡台拒绝了这张卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="113"/>
        <source>The card left the reader too early.</source>
        <translation>卡片过早离开了读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="114"/>
        <source>The chip refused a command.</source>
        <translation>芯片拒绝了一条指令。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="115"/>
        <source>This chip cannot be a member card.</source>
        <translation>这种芯片不能用作会员卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="116"/>
        <source>What was written did not read back.</source>
        <translation>写入的数据回读校验失败。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="117"/>
        <source>This chip is locked.</source>
        <translation>这枚芯片已被锁定。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="118"/>
        <source>This chip is too small for the card.</source>
        <translation>这枚芯片容量太小。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="119"/>
        <source>Not overwritten: the card holds other data.</source>
        <translation>未覆盖：卡内有其他数据。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="122"/>
        <source>Not overwritten: the card belongs to another member.</source>
        <translation>未覆盖：这张卡属于另一位会员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="126"/>
        <source>The card was not encoded.</source>
        <translation>未能写卡。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="135"/>
        <source>This card holds other data. Overwrite it?</source>
        <translation>这张卡内有其他数据。要覆盖吗？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="136"/>
        <source>This card belongs to another member. Overwrite it?</source>
        <translation>这张卡属于另一位会员。要覆盖吗？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="140"/>
        <source>Overwrite this card?</source>
        <translation>覆盖这张卡？</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="145"/>
        <source>Chip read</source>
        <translation>已读取芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="146"/>
        <source>Protected chip opened</source>
        <translation>已解除芯片保护</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="147"/>
        <source>Writing the card message</source>
        <translation>正在写入卡数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="148"/>
        <source>Message written and checked</source>
        <translation>数据已写入并校验</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="149"/>
        <source>Password written</source>
        <translation>密码已写入</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="150"/>
        <source>Password acknowledgement written</source>
        <translation>密码确认码已写入</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="151"/>
        <source>Card protected</source>
        <translation>卡片已加保护</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="158"/>
        <source>genuine NXP chip</source>
        <translation>NXP 原厂芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="159"/>
        <source>simulated chip</source>
        <translation>模拟芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="160"/>
        <source>no originality signature</source>
        <translation>无原厂签名</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="161"/>
        <source>originality signature does not verify</source>
        <translation>原厂签名校验失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="168"/>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="169"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="170"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="171"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="180"/>
        <source>Sync: not set up · %1 to upload</source>
        <translation>同步：未设置 · 待上传 %1</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="181"/>
        <source>Sync: connecting · %1 to upload</source>
        <translation>同步：连接中 · 待上传 %1</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="182"/>
        <source>Online · %1 to upload</source>
        <translation>在线 · 待上传 %1</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="183"/>
        <source>Offline · %1 to upload</source>
        <translation>离线 · 待上传 %1</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="185"/>
        <source>Sync stopped · %1 to upload</source>
        <translation>同步已停止 · 待上传 %1</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="196"/>
        <source>The membership API cannot be reached.</source>
        <translation>无法连接会员接口。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="197"/>
        <source>The membership API is failing.</source>
        <translation>会员接口出错。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="198"/>
        <source>The membership API asks to wait.</source>
        <translation>会员接口要求稍后再试。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="199"/>
        <source>The membership API sent something unreadable; nothing of it was kept.</source>
        <translation>会员接口返回了无法读取的数据，未保存其中任何内容。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="203"/>
        <source>The membership API refuses this station&apos;s token: an admin must set it again.</source>
        <translation>会员接口拒绝了本机的令牌：需由管理员重新设置。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="208"/>
        <source>The membership API refused a request.</source>
        <translation>会员接口拒绝了一个请求。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="209"/>
        <source>The sync is not set up completely.</source>
        <translation>同步设置不完整。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="210"/>
        <source>The sync failed; the details are in the log.</source>
        <translation>同步失败，详情见日志。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="217"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="218"/>
        <source>Operator</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="219"/>
        <source>Card issuer</source>
        <translation>发卡员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="220"/>
        <source>Door</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="231"/>
        <source>manage staff</source>
        <translation>管理员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="232"/>
        <source>manage card keys</source>
        <translation>管理卡片密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="233"/>
        <source>export the key bundle</source>
        <translation>导出密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="234"/>
        <source>import a key bundle</source>
        <translation>导入密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="235"/>
        <source>change tiers, benefits and experiments</source>
        <translation>修改等级、权益和实验</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="238"/>
        <source>manage events</source>
        <translation>管理活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="239"/>
        <source>issue cards</source>
        <translation>发卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="240"/>
        <source>check members in</source>
        <translation>为会员签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="241"/>
        <source>annul a check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="242"/>
        <source>override a refusal at the door</source>
        <translation>在门口放行被拒的会员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="243"/>
        <source>view the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="244"/>
        <source>verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="245"/>
        <source>see full phone numbers</source>
        <translation>查看完整手机号</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="246"/>
        <source>fill a database with the demo</source>
        <translation>向数据库填入演示数据</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="255"/>
        <source>The %1 role may not %2.</source>
        <translation>“%1”角色不能%2。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="259"/>
        <source>Your account may no longer do this: it was disabled or its role changed. Sign in again.</source>
        <translation>你的账号已无权执行此操作：账号已被停用或角色已变更。请重新登录。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="270"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="273"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="275"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="285"/>
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="287"/>
        <source>Wrong login or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="289"/>
        <source>This account is disabled. Ask an admin to enable it.</source>
        <translation>此账号已停用。请联系管理员启用。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="292"/>
        <source>Too many failed attempts.</source>
        <translation>失败次数过多。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="293"/>
        <source>This account has no PIN. Unlock with the password.</source>
        <translation>此账号没有 PIN 码。请用密码解锁。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="297"/>
        <source>Sign-in refused.</source>
        <translation>登录被拒绝。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="302"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="311"/>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="312"/>
        <source>Try again in %1.</source>
        <translation>请在 %1后重试。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="333"/>
        <location filename="../../console/words.py" line="364"/>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="336"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 至 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="337"/>
        <source>This database already has staff. Sign in instead.</source>
        <translation>此数据库已有员工，请直接登录。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="340"/>
        <source>The login %1 is already taken.</source>
        <translation>登录名 %1 已被使用。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="341"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="342"/>
        <source>The last active admin cannot be disabled.</source>
        <translation>不能停用最后一位在用的管理员。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="344"/>
        <source>Enter the staff member&apos;s name.</source>
        <translation>请输入员工姓名。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="345"/>
        <source>This staff member no longer exists.</source>
        <translation>该员工已不存在。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="357"/>
        <source>A login is 2 to 40 lower-case letters, digits, dots, dashes or underscores.</source>
        <translation>登录名为 2 至 40 个小写字母、数字、点、连字符或下划线。</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="371"/>
        <source>first admin created</source>
        <translation>创建首位管理员</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="372"/>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="373"/>
        <source>sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="374"/>
        <source>sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="375"/>
        <source>unlocked with PIN</source>
        <translation>PIN 码解锁</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="376"/>
        <source>PIN unlock failed</source>
        <translation>PIN 码解锁失败</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="377"/>
        <source>PIN unlock refused</source>
        <translation>PIN 码解锁被拒</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="378"/>
        <source>staff created</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="379"/>
        <source>staff disabled</source>
        <translation>停用员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="380"/>
        <source>staff enabled</source>
        <translation>启用员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="381"/>
        <source>password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="382"/>
        <source>PIN set</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="383"/>
        <source>PIN removed</source>
        <translation>删除 PIN 码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="384"/>
        <source>card job opened</source>
        <translation>开始制卡</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="385"/>
        <source>card encoded</source>
        <translation>写卡完成</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="386"/>
        <source>card overwritten</source>
        <translation>覆盖卡片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="387"/>
        <source>card revoked</source>
        <translation>卡片注销</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="388"/>
        <source>card reissued</source>
        <translation>卡片补办</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="389"/>
        <source>card found</source>
        <translation>卡片找回</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="390"/>
        <source>card recycled</source>
        <translation>卡片已回收</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="391"/>
        <source>card batch created</source>
        <translation>创建制卡批次</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="392"/>
        <source>card batch item skipped</source>
        <translation>批量制卡：已跳过</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="393"/>
        <source>card batch item retried</source>
        <translation>批量制卡：已重试</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="394"/>
        <source>chip originality decided</source>
        <translation>芯片原厂校验已裁定</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="395"/>
        <location filename="../../console/words.py" line="420"/>
        <source>check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="396"/>
        <source>keys created</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="397"/>
        <source>signing key rotated</source>
        <translation>轮换签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="398"/>
        <source>signing key retired</source>
        <translation>停用签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="399"/>
        <source>key bundle exported</source>
        <translation>导出密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="400"/>
        <source>key bundle imported</source>
        <translation>导入密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="401"/>
        <source>setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="402"/>
        <source>check-in undone</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="403"/>
        <source>admitted by a supervisor</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="404"/>
        <source>event created</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="405"/>
        <source>event changed</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="406"/>
        <source>event copied</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="407"/>
        <source>event cancelled</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="408"/>
        <source>registrations imported</source>
        <translation>导入报名名单</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="409"/>
        <source>member QR code issued</source>
        <translation>发放会员码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="410"/>
        <source>member QR code revoked</source>
        <translation>作废会员码</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="417"/>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="418"/>
        <source>card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="419"/>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="421"/>
        <source>signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="422"/>
        <source>key bundle</source>
        <translation>密钥包</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="423"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="424"/>
        <source>event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/words.py" line="425"/>
        <source>member</source>
        <translation>会员</translation>
    </message>
</context>
</TS>
