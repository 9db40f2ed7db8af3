<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmDetailPanel</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="228"/>
        <location filename="../../console/ui/alarm_pane.py" line="317"/>
        <source>No alarm selected</source>
        <translation>未选择报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="236"/>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="237"/>
        <source>C&amp;lose…</source>
        <translation>关闭(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="238"/>
        <source>S&amp;helve zone…</source>
        <translation>搁置防区(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="242"/>
        <source>SOP checklist</source>
        <translation>处置流程清单</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="245"/>
        <source>Guard or post sent, e.g. East gate, Zhang</source>
        <translation>派出的保安或岗位，例如：东门岗 张保安</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="246"/>
        <source>&amp;Dispatch</source>
        <translation>派遣(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="249"/>
        <source>Add co&amp;mment</source>
        <translation>添加备注(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="253"/>
        <source>Alarm history</source>
        <translation>报警历史</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="273"/>
        <source>Guard &amp;sent</source>
        <translation>派遣保安(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="275"/>
        <location filename="../../console/ui/alarm_pane.py" line="406"/>
        <source>Guard sent</source>
        <translation>已派遣保安</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="280"/>
        <source>Comme&amp;nt</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="282"/>
        <location filename="../../console/ui/alarm_pane.py" line="407"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="284"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="341"/>
        <source>Raised %1 · source %2 %3 · %4</source>
        <translation>报警时间 %1 · 来源 %2 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="348"/>
        <source>Repeated %1 times</source>
        <translation>重复报警 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="351"/>
        <source>Restored at the device %1 (the alarm stays until closed)</source>
        <translation>设备已于 %1 恢复（报警保持，直至关闭）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="357"/>
        <source>Acknowledged %1 by %2</source>
        <translation>%1 由 %2 确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="363"/>
        <source>Camera: %1</source>
        <translation>摄像机：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="366"/>
        <source>This zone is shelved: it does not sound.</source>
        <translation>该防区已搁置：不发声。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="369"/>
        <source>Closed %1 by %2: %3 — %4</source>
        <translation>%1 由 %2 关闭：%3 — %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="379"/>
        <source>What to do: %1</source>
        <translation>处置流程：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="384"/>
        <source>If real: </source>
        <translation>如属实：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="384"/>
        <source>If false: </source>
        <translation>如误报：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="404"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="405"/>
        <source>Step done</source>
        <translation>步骤完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="408"/>
        <source>Restored at device</source>
        <translation>设备恢复</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="409"/>
        <source>Alarmed again</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="410"/>
        <source>Panel reset</source>
        <translation>主机复位</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="411"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="416"/>
        <source>Device event</source>
        <translation>设备事件</translation>
    </message>
</context>
<context>
    <name>AlarmModel</name>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="49"/>
        <location filename="../../console/ui/report_pdf.py" line="149"/>
        <source>Fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="50"/>
        <location filename="../../console/ui/report_pdf.py" line="150"/>
        <source>Infrared</source>
        <translation>红外</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="51"/>
        <location filename="../../console/ui/report_pdf.py" line="151"/>
        <source>Perimeter</source>
        <translation>周界</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="52"/>
        <location filename="../../console/ui/report_pdf.py" line="152"/>
        <source>Video intrusion</source>
        <translation>视频入侵</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="53"/>
        <location filename="../../console/ui/report_pdf.py" line="153"/>
        <source>Panic</source>
        <translation>紧急求助</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="54"/>
        <location filename="../../console/ui/report_pdf.py" line="154"/>
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="55"/>
        <location filename="../../console/ui/report_pdf.py" line="155"/>
        <source>Tamper</source>
        <translation>防拆</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="56"/>
        <location filename="../../console/ui/report_pdf.py" line="156"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="63"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="64"/>
        <location filename="../../console/ui/report_pdf.py" line="159"/>
        <source>Trouble</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="65"/>
        <location filename="../../console/ui/report_pdf.py" line="160"/>
        <source>Disabled at panel</source>
        <translation>主机已屏蔽</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="66"/>
        <location filename="../../console/ui/report_pdf.py" line="161"/>
        <source>Communication fault</source>
        <translation>通讯故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="73"/>
        <source>New</source>
        <translation>新报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="74"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="75"/>
        <source>In progress</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="76"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="82"/>
        <source>P%1</source>
        <translation>%1级</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="88"/>
        <source>Unmapped point %1 (%2)</source>
        <translation>未配置点位 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="93"/>
        <source>Source %1</source>
        <translation>报警源 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="165"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="166"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="167"/>
        <source>Zone</source>
        <translation>防区</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="168"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="169"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="170"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="171"/>
        <source>Waiting</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="209"/>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="214"/>
        <source>shelved</source>
        <translation>已搁置</translation>
    </message>
</context>
<context>
    <name>AlarmPane</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="76"/>
        <source>Real alarm</source>
        <translation>真实报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="77"/>
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="78"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="79"/>
        <source>Fault repaired</source>
        <translation>故障已修复</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="80"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="89"/>
        <source>Close alarm</source>
        <translation>关闭报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="117"/>
        <source>Shelve zone</source>
        <translation>搁置防区</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="503"/>
        <source>⚠ The alarm sound cannot play on this computer (see the log).</source>
        <translation>⚠ 本机无法播放报警声音（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="509"/>
        <source>Open alarms</source>
        <translation>未关闭的报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="510"/>
        <source>Recently closed</source>
        <translation>最近关闭的报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="511"/>
        <source>Which alarms</source>
        <translation>显示哪些报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="513"/>
        <source>&amp;Group by zone</source>
        <translation>按防区合并(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="514"/>
        <source>Group by zone</source>
        <translation>按防区合并</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="520"/>
        <location filename="../../console/ui/alarm_pane.py" line="772"/>
        <source>Alarm queue</source>
        <translation>报警队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="563"/>
        <source>Acknowledge &amp;top alarm</source>
        <translation>确认首条报警(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="564"/>
        <source>&amp;Acknowledge selected</source>
        <translation>确认所选报警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="565"/>
        <source>&amp;Close selected…</source>
        <translation>关闭所选报警(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="566"/>
        <source>&amp;Shelve zone…</source>
        <translation>搁置防区(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="567"/>
        <source>Show the alarm&apos;s ca&amp;mera</source>
        <translation>显示报警摄像机(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="638"/>
        <source>ALARM FLOOD: %1 new alarms in 10 minutes — repeats are grouped by zone</source>
        <translation>报警泛滥：10 分钟内 %1 条新报警 — 重复报警已按防区合并</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="649"/>
        <source>%1 open, %2 unacknowledged</source>
        <translation>未关闭 %1 条，未确认 %2 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="724"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="777"/>
        <source>&amp;Alarms</source>
        <translation>报警(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AmbulanceDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="426"/>
        <source>&amp;When was 120 called</source>
        <translation>拨打 120 的时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="427"/>
        <source>Record 12&amp;0 called</source>
        <translation>记录已拨打 120(&amp;0)</translation>
    </message>
</context>
<context>
    <name>AnalyticsPane</name>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="112"/>
        <source>Privacy mask</source>
        <translation>隐私遮挡</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="113"/>
        <source>Intrusion</source>
        <translation>区域入侵</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="114"/>
        <source>Loitering</source>
        <translation>徘徊</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="115"/>
        <source>Thrown object</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="123"/>
        <source>Not analysed</source>
        <translation>未分析</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="125"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="126"/>
        <source>Camera covered</source>
        <translation>镜头遮挡</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="128"/>
        <source>Picture blurred</source>
        <translation>画面模糊</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="130"/>
        <source>Camera turned away</source>
        <translation>镜头移位</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="141"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="142"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="143"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="144"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="145"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="146"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="147"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="160"/>
        <source>Always</source>
        <translation>始终布防</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="162"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="167"/>
        <source>%1, all day</source>
        <translation>%1 全天</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="181"/>
        <source>The site file has no such camera any more.</source>
        <translation>站点文件里已没有这台摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="184"/>
        <source>Unknown kind of area.</source>
        <translation>未知的区域类型。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="185"/>
        <source>Draw the outline again: it needs at least 3 points on the picture and must enclose an area.</source>
        <translation>请重新绘制轮廓：至少需要画面上的 3 个点，且要围出一块区域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="190"/>
        <source>A privacy mask raises no alarm: it takes no zone.</source>
        <translation>隐私遮挡不产生报警，不需要防区。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="193"/>
        <source>Choose the zone this area raises. A camera&apos;s zones are the [[zones]] of kind &quot;video&quot; with its camera in the site file.</source>
        <translation>请选择该区域报警的防区。摄像机的防区是站点文件里 kind = &quot;video&quot; 且指定了该摄像机的 [[zones]]。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="198"/>
        <source>That zone is not a video zone of the site file.</source>
        <translation>该防区不是站点文件里的视频防区。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="201"/>
        <source>That zone belongs to another camera.</source>
        <translation>该防区属于另一台摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="204"/>
        <source>Another area already raises this zone: choose another zone, or edit that area.</source>
        <translation>已有另一个区域使用该防区：请另选防区，或修改那个区域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="208"/>
        <source>The schedule is not valid: check its days and times.</source>
        <translation>布防时间无效：请检查日期和时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="211"/>
        <source>A threshold is out of range: %1</source>
        <translation>阈值超出范围：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="212"/>
        <source>This area no longer exists: someone deleted it.</source>
        <translation>该区域已不存在：已被他人删除。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="215"/>
        <source>This camera is not being analysed now (the devices are not started here, or [analytics] is off in the site file).</source>
        <translation>这台摄像机目前没有在做视频分析（本机未启动设备，或站点文件里关闭了 [analytics]）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="874"/>
        <source>Camera picture with its areas</source>
        <translation>摄像机画面及其区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="878"/>
        <source>An outline needs at least 3 points.</source>
        <translation>轮廓至少需要 3 个点。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="885"/>
        <source>Video analytics messages</source>
        <translation>视频分析提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="910"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="914"/>
        <source>&amp;Camera</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="918"/>
        <source>Tamper check</source>
        <translation>遮挡检测</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="920"/>
        <location filename="../../console/ui/analytics_pane.py" line="1013"/>
        <source>&amp;Retake reference view…</source>
        <translation>重设参考画面(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="922"/>
        <location filename="../../console/ui/analytics_pane.py" line="1372"/>
        <source>Retake reference view</source>
        <translation>重设参考画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="925"/>
        <source>After the camera was re-aimed on purpose: take its present picture as the normal view that covering, blurring and turning are judged against</source>
        <translation>摄像机被有意调整角度后使用：把当前画面作为判断遮挡、模糊和移位的正常画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="942"/>
        <source>Areas of this camera</source>
        <translation>该摄像机的区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="944"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="945"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="946"/>
        <source>Zone</source>
        <translation>防区</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="947"/>
        <source>Schedule</source>
        <translation>布防时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="948"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="961"/>
        <source>&amp;Areas</source>
        <translation>区域(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="978"/>
        <source>New &amp;area</source>
        <translation>新建区域(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="979"/>
        <source>Kind of the new area</source>
        <translation>新区域的类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="985"/>
        <source>&amp;New area</source>
        <translation>新建区域(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="987"/>
        <source>New area</source>
        <translation>新建区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="989"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="991"/>
        <source>Edit area</source>
        <translation>修改区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="993"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="995"/>
        <location filename="../../console/ui/analytics_pane.py" line="1344"/>
        <source>Delete area</source>
        <translation>删除区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="997"/>
        <source>Only an administrator draws and changes areas.</source>
        <translation>只有管理员可以绘制和修改区域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1009"/>
        <source>&amp;Next camera</source>
        <translation>下一台摄像机(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1017"/>
        <source>&amp;Delete area…</source>
        <translation>删除区域(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1070"/>
        <source>Tamper check: %1</source>
        <translation>遮挡检测：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1093"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1174"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1174"/>
        <source>Off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1228"/>
        <source>Click the corners; double-click or Enter closes the outline. Keys: arrows move the cross (Shift: ×10), Space adds a point, Backspace takes one back, Esc cancels. Points: %1</source>
        <translation>依次点击各个角点；双击或按 Enter 闭合轮廓。键盘：方向键移动十字（Shift：×10），空格添加一点，Backspace 撤回一点，Esc 取消。已有点数：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1280"/>
        <source>Drawing cancelled: the outline is unchanged.</source>
        <translation>已取消绘制：轮廓未改变。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1294"/>
        <source>Outline with %1 points: fill in the area and save it.</source>
        <translation>轮廓共 %1 个点：请填写区域信息并保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1330"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1345"/>
        <source>Delete %1 “%2”? It stops at once: nothing is masked or watched there.</source>
        <translation>删除%1“%2”？立即生效：该处不再遮挡或监视。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1356"/>
        <source>Deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1374"/>
        <source>Take the present picture of %1 as its normal view? Do this only once the camera points where it should: covering, blurring and turning are judged against this view from now on.</source>
        <translation>把 %1 的当前画面作为正常画面？请确认摄像机已对准应看的位置后再操作：此后遮挡、模糊和移位都以这个画面为准。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1385"/>
        <source>The reference view of %1 was retaken.</source>
        <translation>已重设 %1 的参考画面。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1396"/>
        <source>The outline being edited has %1 points.</source>
        <translation>正在编辑的轮廓有 %1 个点。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1400"/>
        <source>The areas are listed in the table beside the picture.</source>
        <translation>各区域列在画面旁边的表格里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1407"/>
        <source>Video analytics</source>
        <translation>视频分析</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="1413"/>
        <source>Vid&amp;eo analytics</source>
        <translation>视频分析(&amp;E)</translation>
    </message>
</context>
<context>
    <name>AreaForm</name>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="677"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="691"/>
        <source>Area acti&amp;ve</source>
        <translation>启用区域(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="695"/>
        <source>Redraw &amp;outline</source>
        <translation>重画轮廓(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="696"/>
        <source>&amp;Save area</source>
        <translation>保存区域(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="697"/>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="725"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="726"/>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="727"/>
        <source>&amp;Zone</source>
        <translation>防区(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="728"/>
        <source>Sc&amp;hedule</source>
        <translation>布防时间(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="729"/>
        <source>Minimum s&amp;ize</source>
        <translation>最小面积(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="730"/>
        <source>Minimum &amp;time</source>
        <translation>最短时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="731"/>
        <source>&amp;Loitering after</source>
        <translation>徘徊判定时间(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="743"/>
        <source>Schedule</source>
        <translation>布防时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="744"/>
        <source>Area active</source>
        <translation>启用区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="746"/>
        <source>The smallest moving object that counts, in % of the picture</source>
        <translation>计入报警的最小移动目标，占画面的百分比</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="748"/>
        <source>How long something must be in the area to count</source>
        <translation>目标需在区域内停留多久才计入</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="749"/>
        <source>How long someone may stay before it is loitering</source>
        <translation>停留多久算徘徊</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="750"/>
        <source>Default: the zone&apos;s name</source>
        <translation>默认：防区名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="787"/>
        <source>No free video zone on this camera</source>
        <translation>这台摄像机没有空闲的视频防区</translation>
    </message>
</context>
<context>
    <name>AreaPicture</name>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="522"/>
        <source>(off)</source>
        <translation>（停用）</translation>
    </message>
</context>
<context>
    <name>AuditPane</name>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="41"/>
        <source>Audit records</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="44"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="45"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="46"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="47"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="48"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="49"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="58"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="59"/>
        <source>Refresh the audit records</source>
        <translation>刷新审计记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="113"/>
        <source>Newest %1 records</source>
        <translation>最近 %1 条记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/audit_pane.py" line="124"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="402"/>
        <source>&amp;Who was called</source>
        <translation>通知了谁(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="403"/>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="404"/>
        <source>&amp;Record call</source>
        <translation>记录通知(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="76"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="78"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="80"/>
        <source>signal lost</source>
        <translation>信号丢失</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="82"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="83"/>
        <source>not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="495"/>
        <source>Drop a camera here</source>
        <translation>将摄像机拖放到此处</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="499"/>
        <source>Signal lost since %1</source>
        <translation>自 %1 起信号丢失</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="501"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="510"/>
        <source>Camera covered</source>
        <translation>镜头遮挡</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="512"/>
        <source>Picture blurred</source>
        <translation>画面模糊</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="513"/>
        <source>Camera turned away</source>
        <translation>镜头移位</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="673"/>
        <source>main stream</source>
        <translation>主码流</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="673"/>
        <source>sub stream</source>
        <translation>子码流</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="675"/>
        <source>%1 fps</source>
        <translation>帧率：%1 fps</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="676"/>
        <source>Resolution: %1 × %2</source>
        <translation>分辨率：%1 × %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="677"/>
        <source>Dropped frames: %1</source>
        <translation>丢帧：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="678"/>
        <source>Stream: %1</source>
        <translation>码流：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="712"/>
        <source>Alarm: %1</source>
        <translation>报警：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="725"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="727"/>
        <source>Camera tile %1: %2</source>
        <translation>画面 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="829"/>
        <source>Camera tile menu</source>
        <translation>画面菜单</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="833"/>
        <source>&amp;Snapshot</source>
        <translation>抓图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="834"/>
        <source>Instant &amp;replay</source>
        <translation>即时回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="836"/>
        <source>&amp;Restore</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="836"/>
        <source>&amp;Enlarge</source>
        <translation>最大化(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="840"/>
        <source>Reset &amp;zoom</source>
        <translation>重置数字放大(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="841"/>
        <source>&amp;Clear tile</source>
        <translation>清空画面(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="149"/>
        <location filename="../../console/ui/camera_wall.py" line="962"/>
        <source>Camera wall</source>
        <translation>电视墙</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="150"/>
        <source>Camera wall, full screen</source>
        <translation>电视墙（全屏）</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="200"/>
        <source>%1 cameras</source>
        <translation>%1 画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="200"/>
        <source>1 camera</source>
        <translation>单画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="202"/>
        <source>La&amp;yout</source>
        <translation>布局(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="204"/>
        <source>Wall layout</source>
        <translation>电视墙布局</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="208"/>
        <location filename="../../console/ui/camera_wall.py" line="318"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="210"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="211"/>
        <source>Show the wall on the whole screen (F11)</source>
        <translation>全屏显示电视墙（F11）</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="215"/>
        <source>Wall messages</source>
        <translation>电视墙提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="221"/>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="223"/>
        <source>Drag a camera onto a tile, or press Enter to put it in the selected tile</source>
        <translation>将摄像机拖到画面上，或按 Enter 键将其放入所选画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="231"/>
        <source>Cam&amp;eras</source>
        <translation>摄像机(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="243"/>
        <source>Alarm view</source>
        <translation>报警画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="245"/>
        <source>D&amp;ismiss</source>
        <translation>退出(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="247"/>
        <source>Dismiss alarm view</source>
        <translation>退出报警画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="248"/>
        <source>Back to the wall (Esc)</source>
        <translation>返回电视墙（Esc）</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="250"/>
        <source>Dismiss all</source>
        <translation>全部退出</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="252"/>
        <source>Dismiss every alarm view</source>
        <translation>退出所有报警画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="308"/>
        <source>Layout: &amp;1 camera</source>
        <translation>布局：单画面(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="309"/>
        <source>Layout: &amp;4 cameras</source>
        <translation>布局：4 画面(&amp;4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="310"/>
        <source>Layout: &amp;9 cameras</source>
        <translation>布局：9 画面(&amp;9)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="311"/>
        <source>Layout: 1&amp;6 cameras</source>
        <translation>布局：16 画面(&amp;6)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="320"/>
        <source>&amp;Snapshot</source>
        <translation>抓图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="321"/>
        <source>Instant &amp;replay</source>
        <translation>即时回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="322"/>
        <location filename="../../console/ui/camera_wall.py" line="528"/>
        <source>&amp;Enlarge selected camera</source>
        <translation>最大化所选画面(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="323"/>
        <source>&amp;Dismiss alarm view / restore</source>
        <translation>退出报警画面/还原(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="481"/>
        <source>Every tile is in use: select a tile (Tab) or drag the camera onto one.</source>
        <translation>所有画面均已占用：请选择一个画面（Tab），或将摄像机拖到某个画面上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="508"/>
        <source>&amp;Restore the wall</source>
        <translation>还原电视墙(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="675"/>
        <source>Your wall layout could not be loaded: %1</source>
        <translation>无法加载您的电视墙布局：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="699"/>
        <source>Your wall layout could not be saved: %1</source>
        <translation>无法保存您的电视墙布局：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="749"/>
        <source>%1 is not shown: dismiss the alarm view first (Esc).</source>
        <translation>%1 未显示：请先退出报警画面（Esc）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="851"/>
        <source>⚠ Alarm: %1 — camera %2</source>
        <translation>⚠ 报警：%1 — 摄像机 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="857"/>
        <source>%1 earlier alarm views waiting</source>
        <translation>另有 %1 个较早的报警画面待处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="899"/>
        <source>No picture to save: select a camera tile first.</source>
        <translation>没有可保存的图像：请先选择一个画面。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="911"/>
        <source>Snapshot saved: %1</source>
        <translation>抓图已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="916"/>
        <source>The snapshot could not be saved: %1</source>
        <translation>抓图保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="923"/>
        <source>Select a camera tile first.</source>
        <translation>请先选择一个画面。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="928"/>
        <source>Instant replay is not available.</source>
        <translation>即时回放不可用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="967"/>
        <source>&amp;Cameras</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="207"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="210"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="211"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="212"/>
        <source>R&amp;epeat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="213"/>
        <source>&amp;Change</source>
        <translation>修改(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CheckFormDialog</name>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="619"/>
        <source>Fill in: %1</source>
        <translation>填写：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="628"/>
        <source>optional: anything else the next shift should know</source>
        <translation>选填：下一班还需要知道的情况</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="630"/>
        <source>Sheet n&amp;ote</source>
        <translation>检查表备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="632"/>
        <source>Signed by (&amp;user name)</source>
        <translation>签名人用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="634"/>
        <source>enter your password again to sign</source>
        <translation>再次输入密码以签名</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="635"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="636"/>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="648"/>
        <source>Period %1 · due by %2 · %3</source>
        <translation>周期 %1 · 截止 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="655"/>
        <source>Answer every item normal or abnormal; an abnormal item needs a note and opens a fault report. Sign with your password.</source>
        <translation>逐项选择正常或异常；异常项须填写备注，并会生成故障报告。填完后用密码签名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="665"/>
        <source>This period was missed: the record is filled in late and marked so.</source>
        <translation>本周期已漏填：此记录为补填，并会标注为补填。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="674"/>
        <source>About this sheet</source>
        <translation>检查表说明</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="694"/>
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="696"/>
        <source>&amp;Items (%1)</source>
        <translation>检查项（%1）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="699"/>
        <source>Mark all &amp;normal</source>
        <translation>其余全部正常(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="701"/>
        <source>Mark all normal</source>
        <translation>其余全部正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="703"/>
        <source>Every item not answered yet becomes normal; abnormal answers stay.</source>
        <translation>所有未作答的项设为正常；已选异常的项不变。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="734"/>
        <source>%1 of %2 answered</source>
        <translation>已作答 %1/%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="737"/>
        <source>⚠ %1 abnormal</source>
        <translation>⚠ 异常 %1 项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="761"/>
        <source>Enter your user name and password to sign.</source>
        <translation>请输入用户名和密码以签名。</translation>
    </message>
</context>
<context>
    <name>ChecksPane</name>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="132"/>
        <source>&amp;Fill in the selected check…</source>
        <translation>填写所选检查表(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="134"/>
        <source>&amp;Report a fault…</source>
        <translation>报告故障(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="135"/>
        <source>&amp;Mark the selected fault repaired…</source>
        <translation>将所选故障标为已修复(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="172"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="184"/>
        <source>Sheets</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="187"/>
        <source>&amp;Fill in…</source>
        <translation>填写(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="188"/>
        <source>Fill in and sign the selected sheet (Ctrl+Shift+K)</source>
        <translation>填写并签名所选检查表（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="190"/>
        <source>Sheets this peri&amp;od</source>
        <translation>本周期检查表(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="195"/>
        <source>Open faults</source>
        <translation>未修复的故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="201"/>
        <source>&amp;Mark repaired…</source>
        <translation>标为已修复(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="202"/>
        <source>Report a fau&amp;lt…</source>
        <translation>报告故障(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="204"/>
        <source>Open faul&amp;ts</source>
        <translation>未修复的故障(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="212"/>
        <source>Selected record, in full</source>
        <translation>所选记录详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="218"/>
        <source>Signed records</source>
        <translation>已签名的记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="222"/>
        <source>Si&amp;gned in the last %1 days</source>
        <translation>近 %1 天已签名(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="225"/>
        <source>Selected record, i&amp;n full</source>
        <translation>所选记录详情(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="335"/>
        <source>⚠ %1 overdue</source>
        <translation>⚠ 逾期 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="336"/>
        <source>✖ %1 missed</source>
        <translation>✖ 漏填 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="339"/>
        <source>◷ %1 due</source>
        <translation>◷ 待填 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="340"/>
        <source>✔ %1 done</source>
        <translation>✔ 已完成 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="341"/>
        <source>open faults: %1</source>
        <translation>未修复故障：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="354"/>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="396"/>
        <source>No record selected: the signed records are listed on the left.</source>
        <translation>未选择记录：已签名的记录列在左侧。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="435"/>
        <source>%1 %2 is already signed (record #%3).</source>
        <translation>%1 %2 已签名（记录 #%3）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="469"/>
        <source>Signed %1 %2.</source>
        <translation>已签名：%1 %2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="474"/>
        <source>%1 abnormal: fault reports #%2 opened.</source>
        <translation>%1 项异常：已生成故障报告 #%2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="490"/>
        <source>Fault #%1 reported: %2</source>
        <translation>已报告故障 #%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="513"/>
        <source>Fault #%1 repaired: %2</source>
        <translation>故障 #%1 已修复：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="534"/>
        <source>Check records</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_pane.py" line="539"/>
        <source>Chec&amp;ks</source>
        <translation>检查(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="441"/>
        <source>%1, of which %2 abnormal</source>
        <translation>共 %1 项，其中异常 %2 项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="539"/>
        <source>%1: note</source>
        <translation>%1：备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="520"/>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="470"/>
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="471"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="440"/>
        <source>Items:</source>
        <translation>检查项：</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="432"/>
        <source>Late:</source>
        <translation>补填：</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="519"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="472"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="421"/>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="484"/>
        <source>Sheet note:</source>
        <translation>检查表备注：</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="425"/>
        <source>Signed:</source>
        <translation>签名：</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="453"/>
        <location filename="../../console/ui/checks_widgets.py" line="526"/>
        <source>abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="595"/>
        <source>answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="94"/>
        <location filename="../../console/ui/report_pdf.py" line="183"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="75"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="76"/>
        <source>due</source>
        <translation>待填</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="93"/>
        <location filename="../../console/ui/report_pdf.py" line="182"/>
        <source>every shift</source>
        <translation>每班</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="459"/>
        <source>fault report #%1</source>
        <translation>故障报告 #%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="433"/>
        <source>filled in after its period had ended (补填)</source>
        <translation>周期结束后才填写</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="78"/>
        <source>missed</source>
        <translation>漏填</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="96"/>
        <location filename="../../console/ui/report_pdf.py" line="185"/>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="449"/>
        <location filename="../../console/ui/checks_widgets.py" line="525"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="541"/>
        <location filename="../../console/ui/checks_widgets.py" line="580"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="544"/>
        <location filename="../../console/ui/checks_widgets.py" line="597"/>
        <source>note required</source>
        <translation>须填备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="77"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="97"/>
        <location filename="../../console/ui/report_pdf.py" line="186"/>
        <source>quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="578"/>
        <source>required: what is abnormal</source>
        <translation>必填：异常情况</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="95"/>
        <location filename="../../console/ui/report_pdf.py" line="184"/>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="98"/>
        <location filename="../../console/ui/report_pdf.py" line="187"/>
        <source>yearly</source>
        <translation>每年</translation>
    </message>
</context>
<context>
    <name>CloseAlarmDialog</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="95"/>
        <source>What was found and what was done (required)</source>
        <translation>现场情况和处置经过（必填）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="97"/>
        <source>&amp;Resolution</source>
        <translation>处置结论(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="98"/>
        <source>&amp;Comment</source>
        <translation>备注(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="99"/>
        <source>&amp;Close alarm</source>
        <translation>关闭报警(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CloseLiftDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="468"/>
        <source>How it ended: cause, who came, anyone hurt</source>
        <translation>处理结果：原因、到场人员、有无受伤</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="469"/>
        <source>&amp;Outcome</source>
        <translation>处理结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="470"/>
        <source>&amp;Close record</source>
        <translation>关闭记录(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="812"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="813"/>
        <source>New resident complaint</source>
        <translation>新建住户投诉</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="815"/>
        <source>Handl&amp;ing…</source>
        <translation>处理(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="816"/>
        <source>Escala&amp;te…</source>
        <translation>上报(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="817"/>
        <source>Follo&amp;w-up call…</source>
        <translation>回访(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="818"/>
        <source>Cl&amp;ose</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="832"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="832"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="833"/>
        <source>Complaint %1 · %2</source>
        <translation>投诉 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="837"/>
        <source>Received:</source>
        <translation>受理：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="838"/>
        <location filename="../../console/ui/records_pane.py" line="868"/>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="842"/>
        <source>Resident:</source>
        <translation>住户：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="843"/>
        <source>Matter:</source>
        <translation>投诉内容：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="844"/>
        <source>Handling:</source>
        <translation>处理情况：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="844"/>
        <source>Not written yet</source>
        <translation>尚未填写</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="849"/>
        <source>Escalated to:</source>
        <translation>上报：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="850"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="858"/>
        <source>Follow-up call %1:</source>
        <translation>回访 %1：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="863"/>
        <source>Follow-up call:</source>
        <translation>回访：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="863"/>
        <source>not made yet</source>
        <translation>尚未回访</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="867"/>
        <source>Closed:</source>
        <translation>关闭：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="874"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="211"/>
        <source>Manager&apos;s &amp;user name</source>
        <translation>负责人用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="212"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="216"/>
        <source>Why a &amp;copy for a resident</source>
        <translation>住户拷贝的理由(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="222"/>
        <source>A note to the approval; the reason, when refusing</source>
        <translation>批准的备注；拒绝时填写理由</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="223"/>
        <source>&amp;Note or reason</source>
        <translation>备注或理由(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="225"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="227"/>
        <source>Re&amp;fuse</source>
        <translation>拒绝(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="230"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="256"/>
        <source>The manager enters their user name and password.</source>
        <translation>请管理处负责人输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../console/ui/statusbar.py" line="30"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="31"/>
        <source>On duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="32"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="33"/>
        <source>Device health</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="34"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="35"/>
        <source>Database link</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="79"/>
        <source>The database cannot be reached. Nothing can be saved at this desk until it is back: acknowledgements, log entries and other changes are refused. The panes keep showing what they last loaded. When the database is back, the desk catches up on every change made meanwhile, by itself.</source>
        <translation>无法连接数据库。恢复之前本值班台无法保存任何内容：确认、日志等操作都会被拒绝。各窗格保留最后一次加载的内容。数据库恢复后，值班台会自动补齐期间的全部变更。</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="88"/>
        <source>Database back: changes can be saved again</source>
        <translation>数据库已恢复：可以再次保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="89"/>
        <source>The database link is back and the desk has caught up.</source>
        <translation>数据库连接已恢复，值班台已补齐变更。</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="101"/>
        <source>Database lost: read-only since %1</source>
        <translation>数据库已断开 只读 · 自 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="106"/>
        <source>On duty: %1</source>
        <translation>值班：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="106"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="122"/>
        <source>Shift %1</source>
        <translation>班次 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="124"/>
        <source>⚠ only %1 on duty (at least %2)</source>
        <translation>⚠ 在岗仅 %1 人（至少 %2 人）</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="133"/>
        <source>Devices: %1 online · %2 fault · %3 not started</source>
        <translation>设备：%1 在线 · %2 故障 · %3 未启动</translation>
    </message>
</context>
<context>
    <name>DestroyedDialog</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="589"/>
        <source>How it was destroyed</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="590"/>
        <source>&amp;Witness</source>
        <translation>见证人(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="591"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="592"/>
        <source>&amp;Close the loan</source>
        <translation>结束借阅(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DutyLogModel</name>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="112"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="113"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="114"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="115"/>
        <source>Author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="116"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="117"/>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="118"/>
        <source>Notes</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="121"/>
        <source>Attached pictures</source>
        <translation>附带的图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="122"/>
        <source>Automatic entries, corrections, equipment status</source>
        <translation>自动记录、更正、设备状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="180"/>
        <source>⚙ auto</source>
        <translation>⚙ 自动</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="182"/>
        <source>✔ status entry</source>
        <translation>✔ 设备状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="184"/>
        <source>corrects #%1</source>
        <translation>更正 #%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="187"/>
        <source>corrected by #%1</source>
        <translation>已由 #%1 更正</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="211"/>
        <source>%1 pictures</source>
        <translation>%1 张图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="228"/>
        <source>Written at %1</source>
        <translation>录入于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="232"/>
        <source>Written automatically (%1)</source>
        <translation>系统自动记录（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="243"/>
        <source>Equipment status not recorded %1–%2</source>
        <translation>%1–%2 设备状态漏记</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="245"/>
        <source>Equipment status entry due %1–%2</source>
        <translation>%1–%2 设备状态待填</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="253"/>
        <source>✖ missed</source>
        <translation>✖ 漏记</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="253"/>
        <source>◷ due</source>
        <translation>◷ 待填</translation>
    </message>
</context>
<context>
    <name>DutyPane</name>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="67"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="68"/>
        <source>handing over</source>
        <translation>交接中</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="69"/>
        <source>handed over</source>
        <translation>已交班</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="185"/>
        <source>&amp;New entry…</source>
        <translation>新建记录(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="192"/>
        <source>Duty log entries</source>
        <translation>值班日志条目</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="204"/>
        <source>Entr&amp;ies</source>
        <translation>日志条目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="210"/>
        <source>Selected entry</source>
        <translation>所选记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="212"/>
        <source>Correc&amp;t…</source>
        <translation>更正(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="214"/>
        <source>Vie&amp;w pictures…</source>
        <translation>查看图片(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="250"/>
        <source>Shift: loading…</source>
        <translation>班次：正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="256"/>
        <location filename="../../console/ui/duty_pane.py" line="362"/>
        <source>&amp;Join the shift…</source>
        <translation>加入本班(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="258"/>
        <source>Shift handover…</source>
        <translation>交接班…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="281"/>
        <source>Record no&amp;w</source>
        <translation>立即记录(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="282"/>
        <source>Record the equipment status now</source>
        <translation>立即记录设备状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="295"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="296"/>
        <source>A&amp;ll days</source>
        <translation>全部日期(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="298"/>
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="301"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="302"/>
        <location filename="../../console/ui/duty_pane.py" line="490"/>
        <source>All shifts</source>
        <translation>全部班次</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="306"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="307"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="312"/>
        <source>Author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="313"/>
        <location filename="../../console/ui/duty_pane.py" line="495"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="316"/>
        <source>Text contains</source>
        <translation>包含文字</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="317"/>
        <source>a word of the entry or the author&apos;s name</source>
        <translation>记录中的字词或记录人姓名</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="322"/>
        <source>Da&amp;y</source>
        <translation>日期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="322"/>
        <source>Shi&amp;ft</source>
        <translation>班次(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="328"/>
        <source>Cat&amp;egory</source>
        <translation>类别(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="329"/>
        <source>Auth&amp;or</source>
        <translation>记录人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="330"/>
        <source>Te&amp;xt</source>
        <translation>文字(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="355"/>
        <source>&amp;New log entry…</source>
        <translation>新建日志记录(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="357"/>
        <source>&amp;Correct the selected entry…</source>
        <translation>更正所选记录(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="360"/>
        <source>Record &amp;equipment status…</source>
        <translation>记录设备状态(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="363"/>
        <source>Shift &amp;handover…</source>
        <translation>交接班(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="468"/>
        <source>Shift %1 (%2)</source>
        <translation>班次 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="472"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="473"/>
        <source>On duty: %1</source>
        <translation>值班：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="477"/>
        <source>Only %1 on duty; at least %2 required (GB 25506)</source>
        <translation>在岗仅 %1 人，至少需要 %2 人（GB 25506）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="486"/>
        <source>Equipment status entry due (since %1)</source>
        <translation>设备状态待填（自 %1 起）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="535"/>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="537"/>
        <source>✖ %1 equipment-status entries missed</source>
        <translation>✖ 设备状态漏记 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="540"/>
        <source>only the first %1 are shown: narrow the filter</source>
        <translation>仅显示前 %1 条：请缩小筛选范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="564"/>
        <source>Select an entry to read it in full here.</source>
        <translation>选择一条记录，在此查看全文。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="578"/>
        <source>Written at %1</source>
        <translation>录入于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="581"/>
        <source>Written automatically (%1)</source>
        <translation>系统自动记录（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="584"/>
        <source>Periodic equipment-status entry</source>
        <translation>定时设备状态记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="586"/>
        <source>This entry corrects #%1.</source>
        <translation>本条更正 #%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="589"/>
        <source>Corrected by #%1: read the correction too.</source>
        <translation>已由 #%1 更正：请一并阅读更正内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="592"/>
        <source>Pictures: %1 (Enter shows them)</source>
        <translation>图片：%1（按 Enter 查看）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="602"/>
        <source>No equipment-status entry was written between %1 and %2.</source>
        <translation>%1 至 %2 未记录设备状态。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="604"/>
        <source>The equipment-status entry for %1–%2 is due: Ctrl+E writes it.</source>
        <translation>%1–%2 的设备状态待填：按 Ctrl+E 填写。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="659"/>
        <source>The handover screen is not part of this version.</source>
        <translation>此版本不含交接班界面。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="667"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_pane.py" line="672"/>
        <source>&amp;Duty</source>
        <translation>值班(&amp;D)</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="286"/>
        <source>Correct entry #%1</source>
        <translation>更正记录 #%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="288"/>
        <source>Equipment status entry</source>
        <translation>设备状态记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="290"/>
        <source>New log entry</source>
        <translation>新建日志记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="300"/>
        <location filename="../../console/ui/duty_widgets.py" line="302"/>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="306"/>
        <source>Cate&amp;gory</source>
        <translation>类别(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="310"/>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="311"/>
        <source>Periodic &amp;equipment-status entry</source>
        <translation>定时设备状态记录(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="313"/>
        <source>Periodic equipment-status entry</source>
        <translation>定时设备状态记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="317"/>
        <source>What happened, where, who was told, what was done</source>
        <translation>发生了什么、在哪里、通知了谁、做了什么</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="319"/>
        <source>&amp;Text</source>
        <translation>内容(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="321"/>
        <source>&amp;Save entry</source>
        <translation>保存记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="330"/>
        <source>This entry corrects entry #%1 (%2, %3, %4): “%5”. The original stays in the log, marked as corrected.</source>
        <translation>本条更正记录 #%1（%2，%3，%4）：“%5”。原记录保留在日志中，并标注为已更正。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="341"/>
        <source>The periodic equipment-status entry: the devices&apos; state is filled in below; add what you checked and saw.</source>
        <translation>定时设备状态记录：下方已填入设备状态，请补充您检查和看到的情况。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="354"/>
        <source>Attach&amp;ments</source>
        <translation>附件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="355"/>
        <source>Attach &amp;photo…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="357"/>
        <source>Attach s&amp;napshot…</source>
        <translation>添加抓图(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="359"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="360"/>
        <source>Remove the selected attachment</source>
        <translation>移除所选附件</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="403"/>
        <source>%1 is not a picture: attach JPEG, PNG, BMP, WebP, GIF or TIFF.</source>
        <translation>%1 不是图片：请添加 JPEG、PNG、BMP、WebP、GIF 或 TIFF 文件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="433"/>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="435"/>
        <source>Pictures (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="537"/>
        <source>Escalated &amp;to</source>
        <translation>上报给(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="538"/>
        <source>&amp;Escalate</source>
        <translation>上报(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="691"/>
        <source>The borrower asked, and why</source>
        <translation>借阅人的请求及原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="692"/>
        <source>New &amp;due date</source>
        <translation>新的归还期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="693"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="694"/>
        <source>&amp;Extend</source>
        <translation>延期(&amp;E)</translation>
    </message>
</context>
<context>
    <name>FaultModel</name>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="310"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="311"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="312"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="313"/>
        <source>Opened at</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="314"/>
        <source>Opened by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="332"/>
        <source>Opened by an abnormal item of check record #%1</source>
        <translation>由检查记录 #%1 的异常项生成</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="336"/>
        <source>Reported by hand</source>
        <translation>人工报告</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="555"/>
        <source>What the resident said</source>
        <translation>住户的反馈</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="557"/>
        <source>&amp;Outcome</source>
        <translation>回访结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="558"/>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="559"/>
        <source>&amp;Record call</source>
        <translation>记录回访(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../console/ui/forms.py" line="42"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FreedDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="444"/>
        <source>&amp;When were they freed</source>
        <translation>解困时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="445"/>
        <source>Record &amp;freed</source>
        <translation>记录已解困(&amp;F)</translation>
    </message>
</context>
<context>
    <name>HandlingDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="517"/>
        <source>What was done, who was told</source>
        <translation>做了哪些处理，通知了谁</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="518"/>
        <source>&amp;Handling</source>
        <translation>处理情况(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="519"/>
        <source>&amp;Add handling</source>
        <translation>添加处理情况(&amp;A)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="79"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="80"/>
        <source>Device fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="81"/>
        <source>Check due</source>
        <translation>检查待填</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="82"/>
        <source>Fault report</source>
        <translation>故障报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="83"/>
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="84"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="85"/>
        <source>Footage loan</source>
        <translation>录像借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="86"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="92"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="93"/>
        <source>waiting for the incoming signature</source>
        <translation>等待接班人签名</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="96"/>
        <source>sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="121"/>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="123"/>
        <source>if</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="125"/>
        <source>then</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="203"/>
        <source>Shift handover — %1</source>
        <translation>交接班 — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="205"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="212"/>
        <source>S&amp;hift:</source>
        <translation>班次(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="222"/>
        <source>Handover steps</source>
        <translation>交接班步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="223"/>
        <source>&amp;1 Open items</source>
        <translation>(&amp;1) 未结事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="224"/>
        <source>&amp;2 Keys and equipment</source>
        <translation>(&amp;2) 钥匙与设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="225"/>
        <source>&amp;3 Incoming operator&apos;s synthesis</source>
        <translation>(&amp;3) 接班小结</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="226"/>
        <source>&amp;4 Signatures</source>
        <translation>(&amp;4) 签名</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="243"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="244"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="245"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="283"/>
        <source>Everything the next shift must carry on with. Each item needs an owner and an instruction: if &lt;condition&gt; then &lt;action&gt;.</source>
        <translation>下一班需要继续跟进的所有事项。每项都须指定负责人，并写明处置要求：如果&lt;条件&gt;，则&lt;措施&gt;。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="291"/>
        <source>Open items</source>
        <translation>未结事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="294"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="295"/>
        <location filename="../../console/ui/handover_dialog.py" line="760"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="296"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="297"/>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="298"/>
        <location filename="../../console/ui/handover_dialog.py" line="340"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="299"/>
        <source>Instruction</source>
        <translation>处置要求</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="300"/>
        <source>Ready?</source>
        <translation>是否就绪</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="323"/>
        <location filename="../../console/ui/handover_dialog.py" line="646"/>
        <source>Selected item</source>
        <translation>所选事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="329"/>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="331"/>
        <source>e.g. the smoke detector alarms again</source>
        <translation>例如：烟感再次报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="332"/>
        <source>I&amp;f … / 如果:</source>
        <translation>如果…(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="335"/>
        <source>e.g. send the guard of building 1 and call the squad leader</source>
        <translation>例如：派1号楼保安前往，并通知班长</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="337"/>
        <source>&amp;Then … / 则:</source>
        <translation>则…(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="355"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="357"/>
        <source>Gather the open items again (F5)</source>
        <translation>重新汇总未结事项（F5）</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="371"/>
        <source>Tick each thing as handed over. Anything not handed over needs a note saying what is wrong or where it is.</source>
        <translation>逐项勾选已交接。未交接的须备注原因或物品所在位置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="385"/>
        <source>&amp;All handed over</source>
        <translation>全部已交接(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="400"/>
        <source>What you take over, in your own words: what is open, what to watch.</source>
        <translation>用自己的话写下接手的情况：哪些事项未结，需要注意什么。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="402"/>
        <source>&amp;Synthesis, written by the incoming operator:</source>
        <translation>接班小结（由接班人填写）(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="404"/>
        <source>Incoming operator&apos;s synthesis</source>
        <translation>接班小结</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="413"/>
        <source>1. Outgoing operator — 交班 hands over</source>
        <translation>1. 交班人签名</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="418"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="419"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="421"/>
        <source>Sign &amp;outgoing (交班)</source>
        <translation>交班签名(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="435"/>
        <source>Seal / 封存哈希:</source>
        <translation>封存哈希：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="438"/>
        <source>Seal hash</source>
        <translation>封存哈希</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="447"/>
        <source>2. Incoming operator — 接班 accepts</source>
        <translation>2. 接班人签名</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="452"/>
        <source>User na&amp;me:</source>
        <translation>用户名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="453"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="455"/>
        <source>Sign &amp;incoming (接班)</source>
        <translation>接班签名(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="460"/>
        <source>With&amp;draw…</source>
        <translation>撤回(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="463"/>
        <source>Take back the outgoing signature (the incoming operator does not accept)</source>
        <translation>撤回交班签名（接班人不接班时）</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="476"/>
        <source>3. Sealed</source>
        <translation>3. 已封存</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="484"/>
        <source>&amp;Save handover sheet (PDF)…</source>
        <translation>保存交接班记录（PDF）(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="533"/>
        <source>Restored what was typed before the dialog was closed.</source>
        <translation>已恢复窗口关闭前填写的内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="599"/>
        <source>%1 open items.</source>
        <translation>共 %1 项未结事项。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="601"/>
        <source>No open items: nothing to carry over.</source>
        <translation>没有未结事项，无需移交。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="609"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="612"/>
        <source>needs %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="614"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="618"/>
        <source>if %1 then %2</source>
        <translation>如果%1，则%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="656"/>
        <source>Item %1 of %2: %3</source>
        <translation>第 %1/%2 项：%3</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="728"/>
        <source>%1 open items gathered now.</source>
        <translation>已重新汇总：共 %1 项未结事项。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="730"/>
        <source>%1 closed meanwhile and left the list.</source>
        <translation>其间有 %1 项已结束，已移出列表。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="745"/>
        <source>The open items have changed since this list was gathered: press Refresh (F5).</source>
        <translation>汇总后未结事项有变化：请按“刷新”（F5）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="760"/>
        <source>Handed over?</source>
        <translation>是否交接</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="760"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="767"/>
        <source>handed over / 已交接</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="769"/>
        <source>%1: handed over</source>
        <translation>%1：已交接</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="773"/>
        <source>%1: note</source>
        <translation>%1：备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="800"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="802"/>
        <source>Required when not handed over: what is wrong, where it is</source>
        <translation>未交接时必填：原因、物品所在位置</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="806"/>
        <source>complete</source>
        <translation>已填好</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="809"/>
        <location filename="../../console/ui/handover_dialog.py" line="810"/>
        <source>note required</source>
        <translation>须填备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="861"/>
        <source>The outgoing operator enters their user name and password.</source>
        <translation>请交班人输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="867"/>
        <source>Signing as outgoing operator…</source>
        <translation>正在以交班人身份签名…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="890"/>
        <source>The incoming operator enters their user name and password.</source>
        <translation>请接班人输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="896"/>
        <source>Signing as incoming operator…</source>
        <translation>正在以接班人身份签名…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="973"/>
        <source>Handed over by %1 at %2.</source>
        <translation>%1 已于 %2 交班。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="986"/>
        <source>Accepted by %1 at %2.</source>
        <translation>%1 已于 %2 接班。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1020"/>
        <source>Withdraw the handover</source>
        <translation>撤回交接班</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1023"/>
        <source>Why is the outgoing signature taken back? The shift opens again; the withdrawn handover stays on record.</source>
        <translation>为什么撤回交班签名？撤回后本班次重新开放，撤回的交接班仍保留在记录中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1027"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1043"/>
        <source>Withdrawing…</source>
        <translation>正在撤回…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1071"/>
        <source>Save handover sheet</source>
        <translation>保存交接班记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1071"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1079"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1090"/>
        <source>Handover sheet saved: %1</source>
        <translation>交接班记录已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1126"/>
        <source>Shift %1 is sealed: its duty log and check records are now read-only. New entries go into the next shift.</source>
        <translation>班次 %1 已封存：其值班日志和检查记录现为只读，新记录将记入下一班次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1135"/>
        <source>Gathering the open items…</source>
        <translation>正在汇总未结事项…</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1136"/>
        <source>No shift is waiting for a handover.</source>
        <translation>没有待交接的班次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1138"/>
        <source>Draft: fill in every step, then both operators sign (outgoing first).</source>
        <translation>草稿：填完每一步后由双方签名（交班人先签）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1141"/>
        <source>Handed over: the content below is sealed and read-only. The incoming operator checks it and signs, or it is withdrawn.</source>
        <translation>已交班：以下内容已封存，只读。接班人核对后签名，否则撤回本次交接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1144"/>
        <source>Sealed: both operators have signed.</source>
        <translation>已封存：交接双方均已签名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1150"/>
        <source>Ctrl+Enter signs as outgoing operator · F5 gathers the items again</source>
        <translation>Ctrl+Enter：交班人签名 · F5：重新汇总事项</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1152"/>
        <source>Ctrl+Enter signs as incoming operator</source>
        <translation>Ctrl+Enter：接班人签名</translation>
    </message>
    <message>
        <location filename="../../console/ui/handover_dialog.py" line="1194"/>
        <source>The handover was changed at another desk.</source>
        <translation>交接班已在另一值班台上更改。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="597"/>
        <source>Pictures of entry #%1</source>
        <translation>记录 #%1 的图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="609"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="612"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="613"/>
        <source>Previous picture</source>
        <translation>上一张图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="615"/>
        <source>&amp;Next ▶</source>
        <translation>下一张(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="616"/>
        <source>Next picture</source>
        <translation>下一张图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="638"/>
        <source>%1 / %2 · %3</source>
        <translation>%1 / %2 · %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="645"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="659"/>
        <source>⚠ %1 cannot be shown (the file is missing or not a picture).</source>
        <translation>⚠ 无法显示 %1（文件缺失或不是图片）。</translation>
    </message>
</context>
<context>
    <name>JoinShiftDialog</name>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="704"/>
        <source>Join the shift</source>
        <translation>加入本班</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="708"/>
        <source>A second operator joins the shift at this console with their own user name and password (GB 25506: at least %1 on duty).</source>
        <translation>第二名值班员在本值班台用自己的用户名和密码加入本班（GB 25506：至少 %1 人在岗）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="715"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="716"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
</context>
<context>
    <name>LiftsTab</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="696"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="697"/>
        <source>New lift entrapment record</source>
        <translation>新建电梯困人记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="699"/>
        <source>Call&amp;ed…</source>
        <translation>已通知(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="700"/>
        <source>Called 12&amp;0…</source>
        <translation>已拨打 120(&amp;0)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="701"/>
        <source>&amp;Freed…</source>
        <translation>已解困(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="702"/>
        <source>Cl&amp;ose…</source>
        <translation>关闭(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="717"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="717"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="722"/>
        <source>Reported:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="723"/>
        <location filename="../../console/ui/records_pane.py" line="769"/>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="727"/>
        <source>People trapped:</source>
        <translation>被困人数：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="730"/>
        <source>⚠ Still trapped, for %1</source>
        <translation>⚠ 仍有人被困，已 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="737"/>
        <source>Freed:</source>
        <translation>解困：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="738"/>
        <source>%1 (after %2)</source>
        <translation>%1（被困 %2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="757"/>
        <source>120:</source>
        <translation>120：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="758"/>
        <source>someone injured; 120 called %1</source>
        <translation>有人受伤，%1 已拨打 120</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="764"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="768"/>
        <source>Closed:</source>
        <translation>关闭：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="774"/>
        <source>Outcome:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="743"/>
        <source>Calls:</source>
        <translation>通知：</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="718"/>
        <source>Lift %1</source>
        <translation>电梯 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="752"/>
        <source>No one called yet</source>
        <translation>尚未通知任何人</translation>
    </message>
</context>
<context>
    <name>LoanDetail</name>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="185"/>
        <source>Selected loan, in full</source>
        <translation>所选借阅的详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="193"/>
        <source>No loan selected</source>
        <translation>未选择借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="196"/>
        <source>Loan %1 · %2</source>
        <translation>借阅 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="203"/>
        <source>Cameras and times:</source>
        <translation>摄像机与时段：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="211"/>
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="222"/>
        <source>Borrower:</source>
        <translation>借阅人：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="223"/>
        <source>ID and phone:</source>
        <translation>证件与电话：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="224"/>
        <source>Purpose:</source>
        <translation>事由：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="225"/>
        <source>Case or receipt no.:</source>
        <translation>案件编号或回执号：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="226"/>
        <source>Second officer:</source>
        <translation>第二名民警：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="227"/>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="228"/>
        <source>Filed:</source>
        <translation>申请：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="229"/>
        <source>Due:</source>
        <translation>应还：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="237"/>
        <location filename="../../console/ui/loans_pane.py" line="240"/>
        <source>Decision:</source>
        <translation>审批：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="237"/>
        <source>Waiting for the manager</source>
        <translation>等待管理处负责人审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="238"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="238"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="244"/>
        <source>Copy reason:</source>
        <translation>拷贝理由：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="246"/>
        <source>Decision note:</source>
        <translation>审批备注：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="252"/>
        <source>Manifest SHA-256:</source>
        <translation>清单 SHA-256：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="254"/>
        <source>Package made:</source>
        <translation>资料包制作：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="255"/>
        <source>Package folder:</source>
        <translation>资料包文件夹：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="259"/>
        <source>Viewings recorded:</source>
        <translation>已记录查看次数：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="270"/>
        <source>Return check:</source>
        <translation>归还核验：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="273"/>
        <source>Other files on the medium:</source>
        <translation>介质上的其他文件：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="275"/>
        <source>Closed:</source>
        <translation>结束：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="278"/>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="280"/>
        <source>Witness:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="282"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="216"/>
        <source>New footage loan request</source>
        <translation>新的录像借阅申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="218"/>
        <source>Everyone who borrows footage, police included, needs the management office head&apos;s approval (rule 3.4.3). Residents view footage here by default.</source>
        <translation>任何人借阅录像（包括公安机关）均须经管理处负责人批准（第 3.4.3 条）。住户默认在监控室现场查看。</translation>
    </message>
</context>
<context>
    <name>LoanRequestDialog</name>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="238"/>
        <source>&amp;File request</source>
        <translation>提交申请(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="248"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="255"/>
        <source>e.g. 翠湖派出所, an insurer</source>
        <translation>例如 翠湖派出所、保险公司</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="259"/>
        <source>e.g. theft in garage B1 on the night of the 3rd</source>
        <translation>例如 3 日夜间 B1 车库盗窃</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="262"/>
        <source>Borrower &amp;kind</source>
        <translation>借阅人类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="263"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="264"/>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="265"/>
        <source>ID &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="267"/>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="268"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="269"/>
        <source>P&amp;urpose</source>
        <translation>事由(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="270"/>
        <location filename="../../console/ui/loan_dialog.py" line="366"/>
        <source>&amp;Case or receipt no.</source>
        <translation>案件编号或回执号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="275"/>
        <source>Second officer (police copy)</source>
        <translation>第二名民警（公安拷贝）</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="284"/>
        <source>Officer&apos;s na&amp;me</source>
        <translation>民警姓名(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="292"/>
        <source>Officer&apos;s ID t&amp;ype</source>
        <translation>民警证件类型(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="300"/>
        <source>Officer&apos;s I&amp;D number</source>
        <translation>民警证件号码(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="310"/>
        <source>Footage</source>
        <translation>录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="316"/>
        <source>Cameras and &amp;times</source>
        <translation>摄像机与时段(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="327"/>
        <source>Viewing or copy</source>
        <translation>查看或拷贝</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="336"/>
        <source>The serial number printed on the medium</source>
        <translation>介质上印的编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="339"/>
        <source>&amp;Viewing or copy</source>
        <translation>查看或拷贝(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="340"/>
        <source>&amp;Medium</source>
        <translation>介质(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="342"/>
        <source>Medium&apos;s &amp;serial no.</source>
        <translation>介质编号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="344"/>
        <source>&amp;Due</source>
        <translation>归还期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="363"/>
        <source>Required for the police</source>
        <translation>公安借阅必填</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="363"/>
        <source>If there is one</source>
        <translation>如有请填写</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="366"/>
        <source>&amp;Case or receipt no. *</source>
        <translation>案件编号或回执号(&amp;C) *</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="419"/>
        <source>Range %1: %2</source>
        <translation>时段 %1：%2</translation>
    </message>
</context>
<context>
    <name>LoanSteps</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="96"/>
        <source>Loan %1 · %2</source>
        <translation>借阅 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="99"/>
        <source>Purpose: %1</source>
        <translation>事由：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="103"/>
        <source>Case or receipt no.: %1</source>
        <translation>案件编号或回执号：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="109"/>
        <source>%1 · due %2</source>
        <translation>%1 · 应还 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="124"/>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="126"/>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="196"/>
        <source>Approve or refuse loan %1</source>
        <translation>批准或拒绝借阅 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="200"/>
        <source>The management office&apos;s head decides, with their own user name and password. Whoever filed the request and the operators on duty cannot.</source>
        <translation>由管理处负责人使用本人的用户名和密码审批。申请人和当班值班员不得审批。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="296"/>
        <source>Make the package of loan %1</source>
        <translation>制作借阅 %1 的资料包</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="300"/>
        <source>One MP4 per range (copied as recorded, not re-encoded), manifest.json with each file&apos;s SHA-256, and receipt.pdf to print and sign. It goes into a folder of its own, loan-NNNN, in the folder below.</source>
        <translation>每个时段一个 MP4（按原录像拷贝，不重新编码），manifest.json 记录每个文件的 SHA-256，receipt.pdf 供打印签字。资料包放在下面文件夹中自己的 loan-NNNN 文件夹里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="392"/>
        <source>Record the return of loan %1</source>
        <translation>登记借阅 %1 的归还</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="396"/>
        <source>Choose the package&apos;s folder on the returned medium and check it: every file is compared with the manifest the desk kept.</source>
        <translation>选择归还介质上的资料包文件夹并核验：每个文件都与监控室保存的清单比对。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="579"/>
        <source>Medium destroyed (loan %1)</source>
        <translation>介质已销毁（借阅 %1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="583"/>
        <source>The medium was destroyed in front of a witness, who is named here.</source>
        <translation>介质已在见证人面前销毁，请在此填写见证人。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="615"/>
        <source>&amp;Close the loan</source>
        <translation>结束借阅(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="620"/>
        <source>Medium lost (loan %1)</source>
        <translation>介质遗失（借阅 %1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="621"/>
        <source>&amp;What happened</source>
        <translation>经过(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="623"/>
        <source>When and how the borrower lost it; who was told</source>
        <translation>借阅人何时、如何遗失；已告知何人</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="626"/>
        <source>A lost medium carries legal liability: say what happened.</source>
        <translation>介质遗失须承担法律责任：请写明经过。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="634"/>
        <source>Cancel loan %1</source>
        <translation>撤销借阅 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="635"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="637"/>
        <source>Why the loan is withdrawn</source>
        <translation>撤销借阅的原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="638"/>
        <source>Cancel the &amp;loan</source>
        <translation>撤销借阅(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="645"/>
        <source>Close the viewing (loan %1)</source>
        <translation>结束现场查看（借阅 %1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="646"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="648"/>
        <source>Optional: what was seen, who came</source>
        <translation>选填：查看了什么，谁来查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="651"/>
        <source>%1 viewing(s) recorded.</source>
        <translation>已记录 %1 次查看。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="683"/>
        <source>New due date (loan %1)</source>
        <translation>新的归还期限（借阅 %1）</translation>
    </message>
</context>
<context>
    <name>LoansPane</name>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="102"/>
        <source>Approved — to be viewed</source>
        <translation>已批准 — 待查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="103"/>
        <source>Approved — to be packaged</source>
        <translation>已批准 — 待拷贝</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="105"/>
        <source>Closed — %1</source>
        <translation>已结束 — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="115"/>
        <source>⚠ Overdue since %1 — %2</source>
        <translation>⚠ 自 %1 起逾期 — %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="131"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="138"/>
        <source>Filed</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="133"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="137"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="135"/>
        <source>Viewing or copy</source>
        <translation>查看或拷贝</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="136"/>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="134"/>
        <source>Due</source>
        <translation>应还</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="132"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="384"/>
        <location filename="../../console/ui/loans_pane.py" line="717"/>
        <source>Footage loans</source>
        <translation>录像借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="413"/>
        <source>&amp;New loan request…</source>
        <translation>新建借阅申请(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="414"/>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="417"/>
        <source>File a footage loan request (Ctrl+Shift+B)</source>
        <translation>提交录像借阅申请 (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="421"/>
        <source>&amp;Approve or refuse…</source>
        <translation>批准或拒绝(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="422"/>
        <source>Approve / refuse…</source>
        <translation>批准/拒绝…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="425"/>
        <source>The manager approves or refuses the selected request (Ctrl+Shift+A)</source>
        <translation>由管理处负责人批准或拒绝所选申请 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="429"/>
        <source>Make &amp;package…</source>
        <translation>制作资料包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="430"/>
        <source>Make package…</source>
        <translation>制作资料包…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="433"/>
        <source>Copy the approved footage into a package (Ctrl+Shift+P)</source>
        <translation>将已批准的录像拷贝成资料包 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="437"/>
        <source>&amp;View on site</source>
        <translation>现场查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="438"/>
        <source>View on site</source>
        <translation>现场查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="441"/>
        <source>Play the loan&apos;s footage in the playback pane (Ctrl+Shift+W)</source>
        <translation>在录像回放窗格中播放该借阅的录像 (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="445"/>
        <source>Record &amp;return…</source>
        <translation>登记归还(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="446"/>
        <source>Record return…</source>
        <translation>登记归还…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="449"/>
        <source>Check the returned medium against the manifest (Ctrl+Shift+E)</source>
        <translation>按清单核验归还的介质 (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="453"/>
        <source>Medium &amp;destroyed…</source>
        <translation>介质已销毁(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="454"/>
        <source>Destroyed…</source>
        <translation>已销毁…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="457"/>
        <source>Medium &amp;lost…</source>
        <translation>介质遗失(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="457"/>
        <source>Lost…</source>
        <translation>遗失…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="460"/>
        <source>E&amp;xtend due date…</source>
        <translation>延长归还期限(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="461"/>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="466"/>
        <source>&amp;Cancel the loan…</source>
        <translation>撤销借阅(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="467"/>
        <source>Cancel loan…</source>
        <translation>撤销借阅…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="472"/>
        <source>Close the vie&amp;wing…</source>
        <translation>结束现场查看(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="473"/>
        <source>Close viewing…</source>
        <translation>结束查看…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="500"/>
        <source>Show loans</source>
        <translation>显示借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="503"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="503"/>
        <location filename="../../console/ui/loans_pane.py" line="622"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="503"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="503"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="510"/>
        <source>Borrower, organisation, case no., purpose, serial, or a whole ID number</source>
        <translation>借阅人、单位、案件编号、事由、介质编号或完整证件号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="512"/>
        <source>Search loans</source>
        <translation>搜索借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="515"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="616"/>
        <source>Open (%1)</source>
        <translation>进行中 (%1)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="620"/>
        <source>Overdue (%1) ⚠</source>
        <translation>逾期 (%1) ⚠</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="625"/>
        <source>%1 loan(s) shown</source>
        <translation>显示 %1 笔借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="708"/>
        <source>The playback pane is not open: open it with Ctrl+5.</source>
        <translation>录像回放窗格未打开：按 Ctrl+5 打开。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="722"/>
        <source>&amp;Loans</source>
        <translation>借阅(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="236"/>
        <location filename="../../console/ui/dialogs.py" line="240"/>
        <source>Console locked</source>
        <translation>值班台已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="243"/>
        <source>Locked for %1. Enter the password to unlock.</source>
        <translation>%1 已锁定。请输入密码解锁。</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="248"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="249"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="252"/>
        <source>&amp;Log out / switch operator</source>
        <translation>注销并换人(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="136"/>
        <source>Watchdesk log-in — %1</source>
        <translation>Watchdesk 登录 — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="141"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="142"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="143"/>
        <source>Log &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="149"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="35"/>
        <source>Watchdesk — %1</source>
        <translation>Watchdesk — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="108"/>
        <source>&amp;Site</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="109"/>
        <source>&amp;Verify audit chain</source>
        <translation>校验审计链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="111"/>
        <source>&amp;Lock console</source>
        <translation>锁定值班台(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="112"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="113"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="116"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="120"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="123"/>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="124"/>
        <source>&amp;Manage users…</source>
        <translation>用户管理(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="126"/>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="127"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="128"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="129"/>
        <source>&amp;About Watchdesk</source>
        <translation>关于 Watchdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="179"/>
        <source>Quit Watchdesk</source>
        <translation>退出 Watchdesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="181"/>
        <source>Close the console? Alarms are not shown at this desk until it is started again.</source>
        <translation>确定关闭值班台？关闭后本台不再显示报警，直到重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="209"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="210"/>
        <source>The language changes at your next log-in. 语言将在下次登录时切换。</source>
        <translation>语言将在下次登录时切换。The language changes at your next log-in.</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="219"/>
        <source>The audit chain is intact: %1 records.</source>
        <translation>审计链完整：共 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="220"/>
        <location filename="../../console/ui/mainwindow.py" line="223"/>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="222"/>
        <source>The audit chain is BROKEN: %1</source>
        <translation>审计链已被破坏：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="226"/>
        <source>Watchdesk</source>
        <translation>Watchdesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="254"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="258"/>
        <source>Watchdesk %1 — monitoring-room console.
Site: %2
Site file: %3
Database: %4</source>
        <translation>Watchdesk %1 — 监控中心值班台。
站点：%2
站点文件：%3
数据库：%4</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="270"/>
        <source>About Watchdesk</source>
        <translation>关于 Watchdesk</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="495"/>
        <source>e.g. 3-2-501</source>
        <translation>例如：3-2-501</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="496"/>
        <source>What the resident complains about</source>
        <translation>住户投诉的内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="497"/>
        <source>&amp;Resident&apos;s name</source>
        <translation>住户姓名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="498"/>
        <source>&amp;Unit (room)</source>
        <translation>房号(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="499"/>
        <source>&amp;Matter</source>
        <translation>投诉内容(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="500"/>
        <source>&amp;Open record</source>
        <translation>建立记录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>NewLiftDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="375"/>
        <source>e.g. 3号楼2号梯</source>
        <translation>例如：3号楼2号梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="379"/>
        <source>What the people trapped said, floor, first steps</source>
        <translation>被困人员反映的情况、所在楼层、初步处置</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="380"/>
        <source>&amp;Lift number</source>
        <translation>电梯编号(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="381"/>
        <source>&amp;People trapped</source>
        <translation>被困人数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="382"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="383"/>
        <source>&amp;Open record</source>
        <translation>建立记录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="168"/>
        <source>Create the first administrator</source>
        <translation>创建首个系统管理员</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="168"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="172"/>
        <source>This site has no administrator yet. Create one to continue.</source>
        <translation>本站点还没有系统管理员。请先创建一个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="179"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="180"/>
        <source>&amp;Display name:</source>
        <translation>显示姓名(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="181"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="182"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="183"/>
        <source>R&amp;epeat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="184"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OverdueBanner</name>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="308"/>
        <location filename="../../console/ui/loans_pane.py" line="310"/>
        <source>Show overdue loans</source>
        <translation>显示逾期借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/loans_pane.py" line="324"/>
        <source>%1 loan(s) overdue: chase the borrowers and record the returns.</source>
        <translation>%1 笔借阅已逾期：请催还并登记归还。</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="309"/>
        <source>Folder for the package</source>
        <translation>资料包的存放文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="311"/>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="328"/>
        <source>&amp;Make package</source>
        <translation>制作资料包(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="335"/>
        <source>Choose a folder (a whole path).</source>
        <translation>请选择文件夹（完整路径）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="340"/>
        <source>Copying %1 range(s) and writing the receipt…</source>
        <translation>正在拷贝 %1 个时段并生成回执…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="358"/>
        <source>Package made in %1
Manifest SHA-256: %2
Copy the folder onto the medium, print receipt.pdf and have both parties sign it.</source>
        <translation>资料包已生成：%1
清单 SHA-256：%2
请将该文件夹拷入介质，打印 receipt.pdf 并由双方签字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="371"/>
        <location filename="../../console/ui/loan_steps.py" line="372"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PassDialog</name>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="253"/>
        <source>e.g. 3号楼 5层, 地下车库</source>
        <translation>例如 3号楼 5层、地下车库</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="259"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="260"/>
        <source>&amp;Holder&apos;s name</source>
        <translation>持证人姓名(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="261"/>
        <source>&amp;Company</source>
        <translation>单位(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="262"/>
        <source>ID &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="264"/>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="265"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="266"/>
        <source>&amp;Area</source>
        <translation>通行区域(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="267"/>
        <source>P&amp;urpose</source>
        <translation>事由(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="268"/>
        <source>Valid &amp;from</source>
        <translation>有效期自(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="269"/>
        <source>Valid t&amp;o</source>
        <translation>有效期至(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="272"/>
        <source>Passes longer than %1 hours need a supervisor.</source>
        <translation>超过 %1 小时的通行证须由班长或以上签发。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="279"/>
        <source>&amp;Issue pass</source>
        <translation>签发通行证(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="305"/>
        <source>A pass longer than %1 hours needs a supervisor.</source>
        <translation>超过 %1 小时的通行证须由班长或以上签发。</translation>
    </message>
</context>
<context>
    <name>PassTab</name>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="503"/>
        <source>Show e&amp;xpired and revoked passes too</source>
        <translation>同时显示已过期和已收回的通行证(&amp;X)</translation>
    </message>
</context>
<context>
    <name>PlanPane</name>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="112"/>
        <source>F</source>
        <comment>map symbol: fire zone</comment>
        <translation>火</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="113"/>
        <source>IR</source>
        <comment>map symbol: infrared zone</comment>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="114"/>
        <source>P</source>
        <comment>map symbol: perimeter zone</comment>
        <translation>界</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="115"/>
        <source>SOS</source>
        <comment>map symbol: panic button</comment>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="116"/>
        <source>L</source>
        <comment>map symbol: lift zone</comment>
        <translation>梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="117"/>
        <source>T</source>
        <comment>map symbol: tamper zone</comment>
        <translation>拆</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="118"/>
        <source>!</source>
        <comment>map symbol: fault zone</comment>
        <translation>障</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="125"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="126"/>
        <source>Zone · %1</source>
        <translation>防区 · %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="137"/>
        <source>⚠ Alarm, not acknowledged (%1)</source>
        <translation>⚠ 报警，未确认（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="139"/>
        <source>● Alarm acknowledged, still open (%1)</source>
        <translation>● 报警已确认，未关闭（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="143"/>
        <source>%1 open</source>
        <translation>未关闭 %1 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="149"/>
        <source>✖ Offline: no picture</source>
        <translation>✖ 离线：无图像</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="151"/>
        <source>✖ Offline: its alarm source has a fault</source>
        <translation>✖ 离线：所属报警源故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="154"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="617"/>
        <source>Plan</source>
        <translation>平面图</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="621"/>
        <source>P&amp;lan</source>
        <translation>平面图(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="623"/>
        <location filename="../../console/ui/plan_pane.py" line="755"/>
        <source>&amp;Edit markers</source>
        <translation>编辑标注(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="625"/>
        <source>Edit markers</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="629"/>
        <source>Place, move and remove zone and camera markers</source>
        <translation>放置、移动和移除防区及摄像机的标注</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="631"/>
        <source>Only an administrator places markers on the plan</source>
        <translation>只有系统管理员能在平面图上放置标注</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="634"/>
        <source>&amp;Fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="636"/>
        <source>Fit the plan to the view</source>
        <translation>平面图适合窗口大小</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="637"/>
        <source>Show the whole plan (0); zoom with Ctrl+wheel or +/-</source>
        <translation>显示整张平面图（0）；用 Ctrl+滚轮或 +/- 缩放</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="640"/>
        <source>Plan messages</source>
        <translation>平面图提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="652"/>
        <source>Site plan image</source>
        <translation>站点平面图图像</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="654"/>
        <source>The markers are listed, with their state in words, in the marker list.</source>
        <translation>各标注及其状态的文字说明列在标注列表中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="675"/>
        <source>This site file lists no plans. Add a [[plans]] entry for each area or floor (id, name, and image = &quot;plans/site.png&quot;, a PNG or JPEG beside the site file), check it with: python main.py check-site FILE, then start the console again.</source>
        <translation>站点文件中没有平面图。请为每个区域或楼层添加一个 [[plans]] 条目（id、name 以及 image = &quot;plans/site.png&quot;，即站点文件旁的 PNG 或 JPEG 图片），用 python main.py check-site FILE 检查，然后重新启动值班台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="684"/>
        <source>No plans</source>
        <translation>没有平面图</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="695"/>
        <source>Markers on this plan</source>
        <translation>本平面图上的标注</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="696"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="696"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="697"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="706"/>
        <source>Enter: open the zone&apos;s alarm, or show the camera on the wall</source>
        <translation>Enter：打开该防区的报警，或在电视墙上显示该摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="708"/>
        <source>&amp;Markers</source>
        <translation>标注(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="712"/>
        <source>Not on any plan</source>
        <translation>不在任何平面图上</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="714"/>
        <source>Drag a zone or camera onto the plan, or select it and press Place</source>
        <translation>将防区或摄像机拖到平面图上，或选中后按“放置”</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="718"/>
        <source>&amp;Not on any plan</source>
        <translation>不在任何平面图上(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="720"/>
        <source>&amp;Place</source>
        <translation>放置(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="722"/>
        <source>Place on the plan</source>
        <translation>放到平面图上</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="723"/>
        <source>Put the selected device in the middle of the view</source>
        <translation>将所选设备放在视图中央</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="725"/>
        <source>&amp;Remove from plan</source>
        <translation>从平面图移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="727"/>
        <source>Remove from plan</source>
        <translation>从平面图移除</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="728"/>
        <source>Take the selected marker off the plan (Delete)</source>
        <translation>将所选标注从平面图上移除（Delete）</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="731"/>
        <source>Drag a marker to move it, or select it and use the arrow keys (Shift: ×10).</source>
        <translation>拖动标注即可移动，或选中后用方向键微调（Shift：×10）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="759"/>
        <source>&amp;Next plan</source>
        <translation>下一张平面图(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="763"/>
        <source>Zoom to &amp;fit</source>
        <translation>缩放至适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="818"/>
        <source>The plan image could not be read: %1</source>
        <translation>无法读取平面图图像：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="911"/>
        <source>Drag to move; arrow keys nudge the selected marker</source>
        <translation>拖动可移动；方向键可微调所选标注</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="913"/>
        <source>Click: show it on the camera wall</source>
        <translation>单击：在电视墙上显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="915"/>
        <source>Click: open its alarm</source>
        <translation>单击：打开其报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="995"/>
        <source>%1 — ⚠ %2 in alarm</source>
        <translation>%1 — ⚠ %2 处报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="1091"/>
        <source>%1: shown on the camera wall</source>
        <translation>%1：已在电视墙上显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="1095"/>
        <source>%1: no open alarm</source>
        <translation>%1：没有未关闭的报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="1098"/>
        <source>%1: alarm opened in the alarm queue</source>
        <translation>%1：已在报警队列中打开报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="1120"/>
        <source>Edit mode: drag devices onto the plan; markers move with the mouse or keys.</source>
        <translation>编辑模式：将设备拖到平面图上；可用鼠标或方向键移动标注。</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="1224"/>
        <source>Site plan</source>
        <translation>平面图</translation>
    </message>
    <message>
        <location filename="../../console/ui/plan_pane.py" line="1229"/>
        <source>Pla&amp;n</source>
        <translation>平面图(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PlaybackPane</name>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="171"/>
        <source>Camera %1 is not recorded, so there is no footage to play.</source>
        <translation>摄像机 %1 未设置录像，没有可播放的录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="174"/>
        <source>Camera %1 has no recording for that time.</source>
        <translation>摄像机 %1 在该时间无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="177"/>
        <source>The clip of camera %1 must end after it starts.</source>
        <translation>摄像机 %1 的片段结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="180"/>
        <source>The footage of camera %1 could not be written: %2</source>
        <translation>无法写入摄像机 %1 的录像：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="185"/>
        <source>Camera %1 has no recording of the last 30 seconds.</source>
        <translation>摄像机 %1 没有最近 30 秒的录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="192"/>
        <source>There is no camera %1 on this site.</source>
        <translation>本站点没有摄像机 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="196"/>
        <source>Camera %1: %2</source>
        <translation>摄像机 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="210"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="840"/>
        <source>&amp;Camera</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="842"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="849"/>
        <source>Da&amp;y</source>
        <translation>日期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="851"/>
        <location filename="../../console/ui/playback_pane.py" line="853"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="861"/>
        <source>Time shown</source>
        <translation>画面时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="867"/>
        <source>Playback notice</source>
        <translation>回放提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="872"/>
        <source>On-site viewing</source>
        <translation>现场查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="889"/>
        <source>Choose a time on the timeline, or press Space to play.</source>
        <translation>请在时间轴上选择时间，或按 Space 键播放。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="891"/>
        <location filename="../../console/ui/playback_pane.py" line="1844"/>
        <source>Video playback is not available on this computer: %1</source>
        <translation>本机无法播放视频：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="900"/>
        <location filename="../../console/ui/playback_pane.py" line="1198"/>
        <location filename="../../console/ui/playback_pane.py" line="1210"/>
        <source>Recorded video</source>
        <translation>录像画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="908"/>
        <location filename="../../console/ui/playback_pane.py" line="1367"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="909"/>
        <source>Play or pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="910"/>
        <source>Play or pause (Space)</source>
        <translation>播放/暂停（Space）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="915"/>
        <source>Spe&amp;ed</source>
        <translation>倍速(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="917"/>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="920"/>
        <location filename="../../console/ui/playback_pane.py" line="980"/>
        <source>Mark &amp;in</source>
        <translation>标记入点(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="921"/>
        <source>The clip starts at the cursor (I)</source>
        <translation>片段从光标处开始（I）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="922"/>
        <location filename="../../console/ui/playback_pane.py" line="981"/>
        <source>Mark &amp;out</source>
        <translation>标记出点(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="923"/>
        <source>The clip ends at the cursor (O)</source>
        <translation>片段到光标处结束（O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="926"/>
        <source>E&amp;xport clip…</source>
        <translation>导出片段(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="929"/>
        <source>Export result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="937"/>
        <source>Export warning</source>
        <translation>导出警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="979"/>
        <source>&amp;Play/pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="982"/>
        <source>&amp;Export clip…</source>
        <translation>导出片段(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="983"/>
        <source>Go to the &amp;timeline</source>
        <translation>转到时间轴(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1066"/>
        <source>No camera on this site is recorded.</source>
        <translation>本站点没有设置录像的摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1075"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1093"/>
        <source>%1 recorded, %2 stretches without recording</source>
        <translation>有录像 %1，%2 段无录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1098"/>
        <source>No recording on this day.</source>
        <translation>当天无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1137"/>
        <source>No recording at this time.</source>
        <translation>该时间无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1200"/>
        <source>Privacy masks are blacked out.</source>
        <translation>隐私遮挡区域已涂黑。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1274"/>
        <source>The recording file %1 cannot be played.</source>
        <translation>录像文件 %1 无法播放。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1286"/>
        <source>Player: %1</source>
        <translation>播放器：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1298"/>
        <source>End of this day&apos;s recording at %1.</source>
        <translation>当天录像到 %1 结束。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1314"/>
        <source>No recording from %1 to %2</source>
        <translation>%1 至 %2 无录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1320"/>
        <source> (recorder: %1)</source>
        <translation>（录像服务：%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1367"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1411"/>
        <source>Checking loan %1…</source>
        <translation>正在核对借阅 %1…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1440"/>
        <source>it is a copy to take away, not an on-site viewing.</source>
        <translation>该借阅为拷贝带走，不是现场查看。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1443"/>
        <source>it still awaits the manager&apos;s approval</source>
        <translation>尚待管理处负责人审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1444"/>
        <source>it was refused</source>
        <translation>已被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1445"/>
        <source>it was cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1446"/>
        <source>it is out on loan</source>
        <translation>已借出</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1447"/>
        <source>it is closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1449"/>
        <source>it is not an approved on-site viewing: %1.</source>
        <translation>不是已批准的现场查看：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1453"/>
        <source>camera %1 is not recorded.</source>
        <translation>摄像机 %1 未设置录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1457"/>
        <source>it does not cover that camera and time.</source>
        <translation>不包括该摄像机和时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1463"/>
        <source>Loan %1 cannot be viewed: %2</source>
        <translation>借阅 %1 不能查看：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1475"/>
        <source>On-site viewing for loan %1: %2, %3 – %4. What you watch is recorded.</source>
        <translation>借阅 %1 的现场查看：%2，%3 – %4。查看过程将被记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1491"/>
        <source>Loan %1 refused this viewing (%2): it was recorded without the loan.</source>
        <translation>借阅 %1 不接受此次查看（%2）：已记录为未关联借阅的查看。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1498"/>
        <source>This viewing could not be recorded: %1</source>
        <translation>无法记录此次查看：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1524"/>
        <source>Clip %1 – %2 (%3)</source>
        <translation>片段 %1 – %2（%3）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1530"/>
        <source>Clip from %1: mark the end (O)</source>
        <translation>片段入点 %1：请标记出点（O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1532"/>
        <source>Clip to %1: mark the start (I)</source>
        <translation>片段出点 %1：请标记入点（I）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1534"/>
        <source>Mark the clip&apos;s start (I) and end (O) on the timeline</source>
        <translation>请在时间轴上标记片段的入点（I）和出点（O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1540"/>
        <source>Export clip</source>
        <translation>导出片段</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1540"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1553"/>
        <source>Mark the clip&apos;s start (I) and end (O) first.</source>
        <translation>请先标记片段的入点（I）和出点（O）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1565"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1580"/>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1581"/>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1582"/>
        <source>Size: %1 · Duration: %2 · From %3 to %4</source>
        <translation>大小：%1 · 时长：%2 · 时段：%3 至 %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1593"/>
        <source>Part of this clip has no recording: %1. The clip does not show these stretches.</source>
        <translation>此片段中部分时段无录像：%1。导出的片段不包含这些时段。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1602"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1833"/>
        <source>Instant replay</source>
        <translation>即时回放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1889"/>
        <source>Playback</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1894"/>
        <source>&amp;Playback</source>
        <translation>录像回放(&amp;P)</translation>
    </message>
</context>
<context>
    <name>RangeChoiceDialog</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="714"/>
        <source>View loan %1 on site</source>
        <translation>现场查看借阅 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="720"/>
        <source>Cameras and times of the loan</source>
        <translation>该借阅的摄像机与时段</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="724"/>
        <source>&amp;Which camera and time:</source>
        <translation>查看哪个摄像机和时段(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="729"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
</context>
<context>
    <name>RangesEditor</name>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="98"/>
        <source>Cameras and time ranges</source>
        <translation>摄像机与时段</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="99"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="99"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="99"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="108"/>
        <source>&amp;Add range</source>
        <translation>添加时段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="110"/>
        <source>Add range</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="113"/>
        <source>Remo&amp;ve range</source>
        <translation>删除时段(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="115"/>
        <source>Remove range</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="171"/>
        <source>Camera of range %1</source>
        <translation>时段 %1 的摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="172"/>
        <source>Start of range %1</source>
        <translation>时段 %1 的开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_dialog.py" line="173"/>
        <source>End of range %1</source>
        <translation>时段 %1 的结束</translation>
    </message>
</context>
<context>
    <name>RecordModel</name>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="361"/>
        <source>Sheet</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="362"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="363"/>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="364"/>
        <source>Signed at</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="365"/>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="366"/>
        <source>Late</source>
        <translation>补填</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="380"/>
        <source>late</source>
        <translation>补填</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="392"/>
        <source>Filled in after its period had ended (补填)</source>
        <translation>周期结束后才填写（补填）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="397"/>
        <source>%1 abnormal items</source>
        <translation>%1 项异常</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="399"/>
        <source>filled in late</source>
        <translation>补填</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="399"/>
        <source>on time</source>
        <translation>按时填写</translation>
    </message>
</context>
<context>
    <name>RecordsPane</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="67"/>
        <location filename="../../console/ui/records_pane.py" line="75"/>
        <source>Squad leader (班长)</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="68"/>
        <source>Lift technician (电梯维保)</source>
        <translation>电梯维保</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="69"/>
        <source>Engineering (工程部)</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="76"/>
        <source>Security supervisor (保安主管)</source>
        <translation>保安主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="79"/>
        <source>Management office manager (管理处经理)</source>
        <translation>管理处经理</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="102"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="104"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="113"/>
        <source>⚠ Trapped %1</source>
        <translation>⚠ 已被困 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="118"/>
        <source>Freed after %1</source>
        <translation>被困 %1 后解困</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="122"/>
        <source>No one trapped</source>
        <translation>无人被困</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="170"/>
        <location filename="../../console/ui/records_pane.py" line="223"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="171"/>
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="172"/>
        <source>People trapped</source>
        <translation>被困人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="173"/>
        <source>Reported</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="174"/>
        <source>Entrapment</source>
        <translation>被困情况</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="175"/>
        <source>Called</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="176"/>
        <location filename="../../console/ui/records_pane.py" line="423"/>
        <source>120 called</source>
        <translation>已拨打 120</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="159"/>
        <location filename="../../console/ui/records_pane.py" line="177"/>
        <location filename="../../console/ui/records_pane.py" line="231"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="158"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="204"/>
        <source>Someone was injured: 120 called</source>
        <translation>有人受伤：已拨打 120</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="224"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="225"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="226"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="227"/>
        <source>Matter</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="228"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="229"/>
        <source>Escalated to</source>
        <translation>上报对象</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="230"/>
        <location filename="../../console/ui/records_pane.py" line="270"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="268"/>
        <source>Write the handling</source>
        <translation>填写处理情况</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="271"/>
        <source>Ready to close</source>
        <translation>可以关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="360"/>
        <source>Lift %1 · %2 trapped · reported %3</source>
        <translation>电梯 %1 · 被困 %2 人 · 报告于 %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="370"/>
        <source>New lift entrapment record</source>
        <translation>新建电梯困人记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="395"/>
        <source>Record a call</source>
        <translation>记录通知</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="418"/>
        <source>Someone is injured and 120 has been called: record it on this lift record?</source>
        <translation>有人受伤，已拨打 120：记入这条电梯困人记录吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="438"/>
        <source>People freed</source>
        <translation>被困人员已解困</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="457"/>
        <source>People are still recorded as trapped: record them freed before closing.</source>
        <translation>记录显示仍有人被困：请先记录解困，再关闭。</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="462"/>
        <source>Close lift record</source>
        <translation>关闭电梯困人记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="481"/>
        <source>Complaint from %1: %2</source>
        <translation>%1 的投诉：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="489"/>
        <source>New resident complaint</source>
        <translation>新建住户投诉</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="512"/>
        <source>Complaint handling</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="531"/>
        <source>Escalate complaint</source>
        <translation>上报投诉</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="550"/>
        <source>Follow-up call (回访)</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="691"/>
        <source>Lift entrapment records</source>
        <translation>电梯困人记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="807"/>
        <source>Resident complaint records</source>
        <translation>住户投诉记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="947"/>
        <location filename="../../console/ui/records_pane.py" line="1084"/>
        <source>Lift and complaint records</source>
        <translation>电梯困人与投诉记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="948"/>
        <location filename="../../console/ui/records_pane.py" line="1035"/>
        <source>&amp;Lifts</source>
        <translation>电梯困人(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="949"/>
        <location filename="../../console/ui/records_pane.py" line="1041"/>
        <source>Co&amp;mplaints</source>
        <translation>住户投诉(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="964"/>
        <source>Lift &amp;entrapment…</source>
        <translation>登记电梯困人(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="965"/>
        <source>Resident &amp;complaint…</source>
        <translation>登记住户投诉(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="1015"/>
        <location filename="../../console/ui/records_pane.py" line="1030"/>
        <source>%1 open, %2 closed in the last %3 days</source>
        <translation>处理中 %1 条，近 %3 天已关闭 %2 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="1021"/>
        <source>⚠ People trapped in %1 lift(s)</source>
        <translation>⚠ %1 部电梯有人被困</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="1037"/>
        <source>&amp;Lifts ⚠ %1 trapped</source>
        <translation>电梯困人 ⚠ %1 部有人被困(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="1039"/>
        <source>&amp;Lifts (%1 open)</source>
        <translation>电梯困人（处理中 %1）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="1043"/>
        <source>Co&amp;mplaints (%1 open)</source>
        <translation>住户投诉（处理中 %1）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="1089"/>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="837"/>
        <source>Fault #%1 repaired</source>
        <translation>故障 #%1 已修复</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="843"/>
        <source>Opened %1 by %2</source>
        <translation>%2 于 %1 报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="855"/>
        <source>The fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="857"/>
        <source>what was repaired or replaced, by whom; is it tested?</source>
        <translation>修复或更换了什么，由谁处理，是否已测试？</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="858"/>
        <source>&amp;What was repaired and how</source>
        <translation>修复情况(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="859"/>
        <source>&amp;Repaired</source>
        <translation>已修复(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1639"/>
        <source>Instant replay – %1</source>
        <translation>即时回放 – %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1648"/>
        <source>Replay video</source>
        <translation>回放画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1652"/>
        <location filename="../../console/ui/playback_pane.py" line="1728"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1653"/>
        <source>Play or pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1656"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1660"/>
        <source>Position in the replay</source>
        <translation>回放进度</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1661"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1662"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1728"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1757"/>
        <source>Player: %1</source>
        <translation>播放器：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1761"/>
        <source>Save replay</source>
        <translation>保存回放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1761"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1775"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1785"/>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1790"/>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
</context>
<context>
    <name>ReportFaultDialog</name>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="803"/>
        <source>Report a fault</source>
        <translation>报告故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="809"/>
        <source>e.g. smoke detector, building 3, floor 2: fault lamp on</source>
        <translation>例如：3号楼2层烟感，故障灯亮</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="811"/>
        <source>&amp;What is faulty</source>
        <translation>故障内容(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="812"/>
        <source>where, since when, who was told</source>
        <translation>位置、开始时间、已通知谁</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="813"/>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="814"/>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="139"/>
        <source>Monitoring report</source>
        <translation>监控中心报表</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="190"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="191"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="192"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="193"/>
        <source>Custom period</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="278"/>
        <location filename="../../console/ui/report_pdf.py" line="354"/>
        <location filename="../../console/ui/report_pdf.py" line="376"/>
        <location filename="../../console/ui/report_pdf.py" line="719"/>
        <source>Alarms</source>
        <translation>报警数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="279"/>
        <source>Real alarms</source>
        <translation>真实报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="280"/>
        <source>False alarms</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="281"/>
        <location filename="../../console/ui/report_pdf.py" line="359"/>
        <source>False share</source>
        <translation>误报率</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="282"/>
        <source>Time to acknowledge, median</source>
        <translation>确认用时中位数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="283"/>
        <source>Time to acknowledge, 90th percentile</source>
        <translation>确认用时第90百分位</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="284"/>
        <source>Time to close, median</source>
        <translation>关闭用时中位数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="285"/>
        <source>Camera uptime, average</source>
        <translation>摄像机平均在线率</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="286"/>
        <location filename="../../console/ui/report_pdf.py" line="462"/>
        <source>Visits</source>
        <translation>访客数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="287"/>
        <source>Loans opened / returned / overdue</source>
        <translation>借阅：申请 / 归还 / 逾期</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="288"/>
        <source>Checks done / due</source>
        <translation>检查：已完成 / 应完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="341"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="347"/>
        <source>No alarms in this period.</source>
        <translation>本期无报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="351"/>
        <location filename="../../console/ui/report_pdf.py" line="855"/>
        <location filename="../../console/ui/report_pdf.py" line="1023"/>
        <source>Alarms by kind</source>
        <translation>按类型统计报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="353"/>
        <location filename="../../console/ui/report_pdf.py" line="375"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="355"/>
        <location filename="../../console/ui/report_pdf.py" line="377"/>
        <location filename="../../console/ui/report_pdf.py" line="708"/>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="356"/>
        <location filename="../../console/ui/report_pdf.py" line="378"/>
        <location filename="../../console/ui/report_pdf.py" line="709"/>
        <source>False</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="357"/>
        <location filename="../../console/ui/report_pdf.py" line="711"/>
        <source>Test or other</source>
        <translation>测试或其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="358"/>
        <location filename="../../console/ui/report_pdf.py" line="379"/>
        <location filename="../../console/ui/report_pdf.py" line="715"/>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="360"/>
        <source>To acknowledge, median</source>
        <translation>确认用时中位数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="361"/>
        <source>To acknowledge, 90th pct.</source>
        <translation>确认用时第90百分位</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="362"/>
        <source>To close, median</source>
        <translation>关闭用时中位数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="372"/>
        <location filename="../../console/ui/report_pdf.py" line="1024"/>
        <source>Zones with the most alarms</source>
        <translation>报警最多的防区</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="374"/>
        <source>Zone</source>
        <translation>防区</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="388"/>
        <location filename="../../console/ui/report_pdf.py" line="1029"/>
        <source>Device faults</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="390"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="391"/>
        <source>Reported</source>
        <translation>上报次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="392"/>
        <source>Still open</source>
        <translation>仍未关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="396"/>
        <source>No device faults in this period.</source>
        <translation>本期无设备故障。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="414"/>
        <location filename="../../console/ui/report_pdf.py" line="857"/>
        <location filename="../../console/ui/report_pdf.py" line="1031"/>
        <source>Camera uptime</source>
        <translation>摄像机在线率</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="416"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="417"/>
        <source>Uptime</source>
        <translation>在线率</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="418"/>
        <source>Times offline</source>
        <translation>离线次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="419"/>
        <source>Time offline</source>
        <translation>离线时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="423"/>
        <source>The site has no cameras.</source>
        <translation>本站点没有摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="437"/>
        <source>All visits</source>
        <translation>全部访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="444"/>
        <source>Requested in the period</source>
        <translation>本期申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="445"/>
        <source>Returned (intact or altered)</source>
        <translation>已归还（完好或有改动）</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="447"/>
        <source>Closed otherwise (destroyed, lost, viewed)</source>
        <translation>以其他方式结束（销毁、遗失、现场查看）</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="451"/>
        <source>Overdue (due in the period, not closed by then)</source>
        <translation>逾期（本期内到期且到期时仍未结束）</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="454"/>
        <source>Still out at the end of the period</source>
        <translation>期末仍在借出中</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="459"/>
        <location filename="../../console/ui/report_pdf.py" line="858"/>
        <location filename="../../console/ui/report_pdf.py" line="1034"/>
        <source>Visits by outcome</source>
        <translation>按结果统计访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="461"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="463"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="467"/>
        <source>No visits in this period.</source>
        <translation>本期无访客。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="473"/>
        <location filename="../../console/ui/report_pdf.py" line="1036"/>
        <source>Footage loans</source>
        <translation>录像借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="474"/>
        <source>Loans</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="474"/>
        <location filename="../../console/ui/report_pdf.py" line="557"/>
        <location filename="../../console/ui/report_pdf.py" line="565"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="499"/>
        <source>All sheets</source>
        <translation>全部检查表</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="509"/>
        <source>All entries</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="514"/>
        <source>Equipment-status entries written</source>
        <translation>已填写的设备状态记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="517"/>
        <source>Expected (one per interval set for the site)</source>
        <translation>应填写（按站点设定的间隔每次一条）</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="518"/>
        <source>Written as a share of expected</source>
        <translation>已填写占应填写的比例</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="522"/>
        <source>Opened in the period</source>
        <translation>本期新报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="523"/>
        <source>Repaired in the period</source>
        <translation>本期已修复</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="524"/>
        <source>Still open at the end of the period</source>
        <translation>期末仍未修复</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="529"/>
        <location filename="../../console/ui/report_pdf.py" line="859"/>
        <location filename="../../console/ui/report_pdf.py" line="1038"/>
        <source>Checks done against due</source>
        <translation>检查完成情况</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="531"/>
        <source>Sheet</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="532"/>
        <source>Every</source>
        <translation>频次</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="533"/>
        <location filename="../../console/ui/report_pdf.py" line="816"/>
        <source>Due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="534"/>
        <location filename="../../console/ui/report_pdf.py" line="817"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="535"/>
        <location filename="../../console/ui/report_pdf.py" line="819"/>
        <source>On time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="536"/>
        <source>Missed</source>
        <translation>漏填</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="540"/>
        <source>No check sheets are set up.</source>
        <translation>未设置检查表。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="546"/>
        <source>Duty-log entries by category</source>
        <translation>按类别统计值班日志记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="547"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="547"/>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="550"/>
        <source>No duty-log entries in this period.</source>
        <translation>本期无值班日志记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="556"/>
        <source>Equipment-status entries</source>
        <translation>设备状态记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="557"/>
        <source>Equipment status</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="564"/>
        <location filename="../../console/ui/report_pdf.py" line="565"/>
        <source>Fault reports</source>
        <translation>故障报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="588"/>
        <source>Alarms: the alarms raised in the period; device faults are counted apart. Real, false and test come from how each alarm was closed; open alarms are not closed yet.</source>
        <translation>报警数：本期内产生的报警，设备故障另行统计。真实报警、误报和测试按每条报警关闭时的处置结论统计；“未关闭”为尚未关闭的报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="593"/>
        <source>False share: false alarms among those closed as real or false. Times are counted from the alarm being raised to its acknowledgement or its closing, over the alarms of the period that got that far; the median and 90th percentile interpolate between the nearest values.</source>
        <translation>误报率：在以真实报警或误报关闭的报警中，误报所占的比例。用时从报警产生起计至确认或关闭，只统计本期内已确认或已关闭的报警；中位数和第90百分位在最接近的两个数值之间插值。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="600"/>
        <source>Camera uptime: the share of the period (up to now for a running period) without a video loss recorded by a running desk; times offline count the losses that began in the period.</source>
        <translation>摄像机在线率：本期内（尚未结束的期间计至当前）运行中的值班台未记录到视频丢失的时间所占的比例；离线次数统计本期内开始的视频丢失。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="606"/>
        <source>Checks due: the sheet periods whose deadline fell in the period, counted from the desk&apos;s first use; done: signed; on time: signed by the deadline.</source>
        <translation>应完成的检查：截止时间在本期内的检查表周期，自值班台首次使用起计；已完成：已签名；按时完成：在截止时间前签名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="611"/>
        <source>Loans overdue: loans lent out whose due date fell in the period and that were not closed by then. Visits are counted by the outcome of those requested in the period.</source>
        <translation>逾期借阅：已借出、归还期限在本期内且到期时仍未结束的借阅。访客按本期内登记的来访的结果统计。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="745"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="746"/>
        <source>90th percentile</source>
        <translation>第90百分位</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="753"/>
        <source>Time to acknowledge (%1)</source>
        <translation>确认用时（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="774"/>
        <location filename="../../console/ui/report_pdf.py" line="783"/>
        <source>Uptime (%)</source>
        <translation>在线率（%）</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="827"/>
        <source>Sheet periods</source>
        <translation>检查表周期数</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="856"/>
        <location filename="../../console/ui/report_pdf.py" line="1026"/>
        <source>Time to acknowledge by kind</source>
        <translation>按类型统计确认用时</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="987"/>
        <location filename="../../console/ui/report_pdf.py" line="1221"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="988"/>
        <source>Measured until</source>
        <translation>统计截至</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="989"/>
        <location filename="../../console/ui/report_pdf.py" line="1226"/>
        <source>Made</source>
        <translation>制表时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="1019"/>
        <source>No alarm was acknowledged.</source>
        <translation>没有已确认的报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="1043"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="1048"/>
        <source>Definitions</source>
        <translation>指标说明</translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="165"/>
        <location filename="../../console/ui/reports_pane.py" line="211"/>
        <location filename="../../console/ui/reports_pane.py" line="479"/>
        <source>&amp;Make report</source>
        <translation>生成报表(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="166"/>
        <source>Export as &amp;PDF…</source>
        <translation>导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="167"/>
        <source>Export as &amp;CSV…</source>
        <translation>导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="191"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="196"/>
        <location filename="../../console/ui/reports_pane.py" line="410"/>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="197"/>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="201"/>
        <source>Peri&amp;od:</source>
        <translation>统计期间(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="203"/>
        <location filename="../../console/ui/reports_pane.py" line="408"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="205"/>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="214"/>
        <source>Count the period&apos;s figures (Ctrl+Shift+G)</source>
        <translation>统计该期间的数据（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="238"/>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="241"/>
        <source>Write the report, charts included, as a PDF file</source>
        <translation>将报表（含图表）写入 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="244"/>
        <source>Export CS&amp;V…</source>
        <translation>导出 CSV(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="247"/>
        <source>Write every figure as a CSV table (opens in Excel)</source>
        <translation>将全部数据写入 CSV 表格（可用 Excel 打开）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="249"/>
        <source>Choose a period and make the report.</source>
        <translation>请选择统计期间并生成报表。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="293"/>
        <source>Report sections</source>
        <translation>报表分项</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="307"/>
        <source>&amp;Alarms</source>
        <translation>报警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="318"/>
        <source>&amp;Cameras</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="320"/>
        <source>V&amp;isits and loans</source>
        <translation>访客与借阅(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="329"/>
        <source>Chec&amp;ks and log</source>
        <translation>检查与值班日志(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="408"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="410"/>
        <source>A day of the period</source>
        <translation>期间内的任意一天</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="418"/>
        <source>%1 (%2 days)</source>
        <translation>%1（%2 天）</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="444"/>
        <source>Making the report for %1…</source>
        <translation>正在生成 %1 的报表…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="460"/>
        <source>Report %1 made at %2; figures up to %3.</source>
        <translation>报表 %1 已于 %2 生成，数据截至 %3。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="469"/>
        <source>The report could not be made.</source>
        <translation>报表未能生成。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="479"/>
        <source>Making…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="527"/>
        <source>No alarm was acknowledged in this period.</source>
        <translation>本期没有已确认的报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="528"/>
        <source>No check sheet was due in this period.</source>
        <translation>本期没有应完成的检查表。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="582"/>
        <source>Export the report as PDF</source>
        <translation>将报表导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="582"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="599"/>
        <source>Export the report as CSV</source>
        <translation>将报表导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="599"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="614"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="620"/>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="626"/>
        <source>The file was not written.</source>
        <translation>文件未写入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="633"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../console/ui/reports_pane.py" line="639"/>
        <source>Repor&amp;ts</source>
        <translation>报表(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="407"/>
        <source>The loan-NNNN folder on the medium</source>
        <translation>介质上的 loan-NNNN 文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="409"/>
        <source>The package&apos;s folder on the medium</source>
        <translation>介质上的资料包文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="411"/>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="417"/>
        <source>C&amp;heck the medium</source>
        <translation>核验介质(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="419"/>
        <source>Check the medium</source>
        <translation>核验介质</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="438"/>
        <source>Required when the medium came back altered</source>
        <translation>介质归还时有改动须填写</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="439"/>
        <source>&amp;Close the loan</source>
        <translation>结束借阅(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="446"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="452"/>
        <source>Files compared with the manifest</source>
        <translation>与清单比对的文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="454"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="454"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="454"/>
        <source>SHA-256 on the medium</source>
        <translation>介质上的 SHA-256</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="482"/>
        <source>Choose a folder (a whole path).</source>
        <translation>请选择文件夹（完整路径）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="489"/>
        <source>Reading and hashing every file on the medium…</source>
        <translation>正在读取介质上的每个文件并计算哈希…</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="526"/>
        <source>The manifest says %1</source>
        <translation>清单记载为 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="538"/>
        <source>✔ All %1 file(s) match the manifest: returned intact.</source>
        <translation>✔ 全部 %1 个文件与清单一致：完好归还。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="545"/>
        <source>⚠ %1 of %2 file(s) differ from the manifest: returned altered. Say in the note what happened.</source>
        <translation>⚠ %2 个文件中有 %1 个与清单不符：归还有改动。请在备注中写明经过。</translation>
    </message>
    <message>
        <location filename="../../console/ui/loan_steps.py" line="553"/>
        <source>Files on the medium the manifest does not name: %1</source>
        <translation>介质上有清单未列出的文件：%1</translation>
    </message>
</context>
<context>
    <name>RevokePassDialog</name>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="327"/>
        <source>Why the pass is taken back</source>
        <translation>收回通行证的原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="328"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="329"/>
        <source>&amp;Revoke pass</source>
        <translation>收回通行证(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="588"/>
        <source>Al&amp;ways armed</source>
        <translation>始终布防(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="592"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="592"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="593"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="593"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="594"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="594"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="595"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="595"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="596"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="596"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="597"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="597"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="598"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="598"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="605"/>
        <source>No day ticked: every day</source>
        <translation>未勾选日期：每天</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="607"/>
        <source>Armed from</source>
        <translation>布防开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="608"/>
        <source>Armed until</source>
        <translation>布防结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="630"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/analytics_pane.py" line="632"/>
        <source>&amp;until</source>
        <translation>至(&amp;U)</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="429"/>
        <source>Name, room, phone, purpose, or a whole ID number</source>
        <translation>姓名、房号、电话、事由或完整证件号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="430"/>
        <source>Search visits</source>
        <translation>搜索来访记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="432"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="433"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="434"/>
        <location filename="../../console/ui/visits_pane.py" line="436"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="438"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="440"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="442"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="454"/>
        <source>Search by name, room, phone, purpose or ID number.</source>
        <translation>可按姓名、房号、电话、事由或证件号码搜索。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="487"/>
        <source>%1 visit(s) found</source>
        <translation>找到 %1 条来访记录</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="122"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="124"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="125"/>
        <source>&amp;For</source>
        <translation>时长(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="126"/>
        <source>&amp;Shelve</source>
        <translation>搁置(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="354"/>
        <source>Left &amp;at</source>
        <translation>离开时间(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="355"/>
        <source>&amp;Sign out</source>
        <translation>登记离开(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SitePane</name>
    <message>
        <location filename="../../console/ui/site_pane.py" line="23"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="24"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="25"/>
        <location filename="../../console/ui/site_pane.py" line="37"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="31"/>
        <source>fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="32"/>
        <source>infrared</source>
        <translation>红外</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="33"/>
        <source>perimeter</source>
        <translation>周界</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="34"/>
        <source>panic button</source>
        <translation>紧急按钮</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="35"/>
        <source>lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="36"/>
        <source>tamper</source>
        <translation>防拆</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="46"/>
        <source>another Watchdesk process</source>
        <translation>另一个值班台进程</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="52"/>
        <source>⚠ Nobody records it now: %1 has stopped</source>
        <translation>⚠ 当前无进程录像：%1 已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="54"/>
        <source>⚠ Nobody runs it now: %1 has stopped</source>
        <translation>⚠ 当前无进程运行：%1 已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="56"/>
        <source>Recorded by another process: %1</source>
        <translation>由其他进程录像：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="58"/>
        <source>Run by another process: %1</source>
        <translation>由其他进程运行：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="64"/>
        <source>The process that ran it (%1) has stopped and this desk does not take it over: start the service again, or restart this desk to run it here.</source>
        <translation>原先运行它的进程（%1）已停止，本值班台不会自动接管：请重新启动服务，或重启本值班台以在此运行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="70"/>
        <source>This desk shows the camera but does not record it: %1 records it.</source>
        <translation>本值班台显示此摄像机但不录像：由 %1 录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="88"/>
        <source>simulated, %1 scripted steps</source>
        <translation>模拟，脚本 %1 步</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="99"/>
        <source>Site devices</source>
        <translation>站点设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="102"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="103"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="104"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="105"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="106"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="107"/>
        <source>Run by</source>
        <translation>运行者</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="129"/>
        <source>Cameras (%1)</source>
        <translation>摄像机（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="131"/>
        <source>camera, recorded</source>
        <translation>摄像机，录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="131"/>
        <source>camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="136"/>
        <source>Alarm sources (%1)</source>
        <translation>报警源（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="142"/>
        <source>Zones (%1)</source>
        <translation>防区（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="146"/>
        <location filename="../../console/ui/site_pane.py" line="147"/>
        <source>Intercom</source>
        <translation>对讲</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="74"/>
        <source>This desk does not open the device: %1 runs it. The state shown is the one that process shares.</source>
        <translation>本值班台不打开此设备：由 %1 运行。显示的状态由该进程共享。</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="192"/>
        <source>Site and devices</source>
        <translation>站点设备</translation>
    </message>
</context>
<context>
    <name>SnapshotDialog</name>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="538"/>
        <source>Attach snapshots</source>
        <translation>添加抓图</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="544"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="551"/>
        <source>Snapshots, newest first</source>
        <translation>抓图（最新的在前）</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="553"/>
        <source>&amp;Snapshots, newest first</source>
        <translation>抓图（最新的在前）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="555"/>
        <source>&amp;Attach</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/duty_widgets.py" line="578"/>
        <source>No snapshots yet: Ctrl+S on the camera wall takes one.</source>
        <translation>还没有抓图：在电视墙上按 Ctrl+S 抓图。</translation>
    </message>
</context>
<context>
    <name>SnapshotView</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="149"/>
        <source>Snapshot of the event</source>
        <translation>事件抓图</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="170"/>
        <source>Snapshot of the event, %1</source>
        <translation>事件抓图，%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="197"/>
        <source>The snapshot could not be read: %1</source>
        <translation>无法读取抓图：%1</translation>
    </message>
</context>
<context>
    <name>StatusModel</name>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="228"/>
        <source>Sheet</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="228"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="228"/>
        <source>Due by</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="228"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="243"/>
        <source>%1, %2 items</source>
        <translation>%1，共 %2 项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="247"/>
        <source>Due %1 hours after the period starts</source>
        <translation>周期开始后 %1 小时内须完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="258"/>
        <source>Signed (record #%1).</source>
        <translation>已签名（记录 #%1）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="261"/>
        <source>Not filled in yet; due by %1. Enter fills it in.</source>
        <translation>尚未填写，截止时间 %1。按 Enter 填写。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="266"/>
        <source>Not filled in, and the deadline %1 has passed. Enter fills it in.</source>
        <translation>尚未填写，已过截止时间 %1。按 Enter 填写。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checks_widgets.py" line="269"/>
        <source>The period ended without a record. It can still be filled in late (marked so): Enter fills it in.</source>
        <translation>该周期已结束，没有记录。仍可补填（会标注为补填）：按 Enter 填写。</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="249"/>
        <source>Recording timeline</source>
        <translation>录像时间轴</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="314"/>
        <source>%1 · recorded</source>
        <translation>%1 · 有录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="318"/>
        <source>%1 · no recording from %2 to %3</source>
        <translation>%1 · %2 至 %3 无录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="325"/>
        <source> (recorder: %1)</source>
        <translation>（录像服务：%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="327"/>
        <source>%1 · not yet recorded</source>
        <translation>%1 · 尚未录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="338"/>
        <source>No camera or day chosen.</source>
        <translation>未选择摄像机或日期。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="344"/>
        <location filename="../../console/ui/playback_pane.py" line="356"/>
        <source> and %1 more</source>
        <translation>，另有 %1 段</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="345"/>
        <source>Recorded: %1.</source>
        <translation>有录像：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="347"/>
        <source>No recording on this day.</source>
        <translation>当天无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="357"/>
        <source>No recording: %1.</source>
        <translation>无录像：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="359"/>
        <source>Cursor at %1.</source>
        <translation>光标位于 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="361"/>
        <source>Clip start %1.</source>
        <translation>片段入点 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="363"/>
        <source>Clip end %1.</source>
        <translation>片段出点 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="366"/>
        <source>Left/Right: one minute (Shift: ten seconds), PageUp/PageDown: one hour, Ctrl+Left/Right: previous/next recording edge, I/O: mark the clip, Space: play or pause, +/-: zoom.</source>
        <translation>Left/Right：一分钟（Shift：十秒）；PageUp/PageDown：一小时；Ctrl+Left/Right：上一个/下一个录像起止点；I/O：标记片段；Space：播放/暂停；+/-：缩放。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="419"/>
        <source>no recording</source>
        <translation>无录像</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="36"/>
        <location filename="../../console/ui/users_dialog.py" line="37"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="41"/>
        <source>User accounts</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="43"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="43"/>
        <source>Display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="43"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="43"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="53"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="54"/>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="55"/>
        <source>&amp;Enable / disable</source>
        <translation>启用/停用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="56"/>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="57"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="64"/>
        <source>Every change here is recorded in the audit chain.</source>
        <translation>此处的每项更改都会记入审计链。</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="79"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="79"/>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="81"/>
        <source>locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="94"/>
        <source>Select a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="113"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="114"/>
        <source>Role of %1:</source>
        <translation>%1 的角色：</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="135"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="136"/>
        <source>New password for %1:</source>
        <translation>%1 的新密码：</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="123"/>
        <source>Visitor at the gate</source>
        <translation>门岗访客核实</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="164"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="167"/>
        <source>Visitor &amp;left…</source>
        <translation>访客已离开(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="170"/>
        <source>The visitor left before a decision: close the visit with a reason</source>
        <translation>访客在有结果前已离开：填写原因并结束此次来访</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="182"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="201"/>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="204"/>
        <source>e.g. 10101</source>
        <translation>例如 10101</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="208"/>
        <source>e.g. visiting family, repair</source>
        <translation>例如 探亲、维修</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="209"/>
        <source>&amp;Gate</source>
        <translation>门岗(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="210"/>
        <source>Visitor &amp;name</source>
        <translation>访客姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="211"/>
        <source>ID &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="213"/>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="219"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="220"/>
        <source>&amp;Room</source>
        <translation>房号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="221"/>
        <source>Purpos&amp;e</source>
        <translation>事由(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="224"/>
        <source>Expected &amp;leave</source>
        <translation>预计离开(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="228"/>
        <location filename="../../console/ui/visit_dialog.py" line="264"/>
        <source>Gate picture</source>
        <translation>门岗照片</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="234"/>
        <source>Take a snapshot from the gate camera</source>
        <translation>从门岗摄像机抓拍</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="242"/>
        <source>not &amp;known</source>
        <translation>不确定(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="243"/>
        <source>Expected leave time not known</source>
        <translation>预计离开时间不确定</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="254"/>
        <source>Take &amp;snapshot</source>
        <translation>抓拍(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="257"/>
        <source>A picture of the visitor from the gate&apos;s camera, kept with the visit</source>
        <translation>门岗摄像机拍下的访客照片，随来访记录保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="281"/>
        <source>Call the resident</source>
        <translation>呼叫住户</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="291"/>
        <source>Call state</source>
        <translation>通话状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="295"/>
        <source>Rings</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="301"/>
        <source>Call time</source>
        <translation>通话时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="303"/>
        <location filename="../../console/ui/visit_dialog.py" line="492"/>
        <source>&amp;Call resident</source>
        <translation>呼叫住户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="306"/>
        <source>Call the resident&apos;s indoor station (Ctrl+Enter)</source>
        <translation>呼叫住户室内机（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="309"/>
        <source>&amp;Hang up</source>
        <translation>挂断(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="309"/>
        <source>End the call (Ctrl+H)</source>
        <translation>结束通话（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="312"/>
        <location filename="../../console/ui/visit_dialog.py" line="689"/>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="315"/>
        <source>Mute or unmute the desk&apos;s microphone (Ctrl+M)</source>
        <translation>打开或关闭值班台麦克风静音（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="332"/>
        <location filename="../../console/ui/visit_dialog.py" line="542"/>
        <source>Tell the gate:</source>
        <translation>通知门岗：</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="335"/>
        <source>Resident agrees — &amp;admit</source>
        <translation>住户同意 — 放行(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="340"/>
        <location filename="../../console/ui/visit_dialog.py" line="524"/>
        <source>Resident refuses — re&amp;fuse</source>
        <translation>住户拒绝 — 拒绝进入(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="345"/>
        <location filename="../../console/ui/visit_dialog.py" line="525"/>
        <source>&amp;Wait</source>
        <translation>等候(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="373"/>
        <source>Answere&amp;d</source>
        <translation>已接通(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="374"/>
        <source>&amp;Busy</source>
        <translation>占线(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="375"/>
        <source>N&amp;o answer</source>
        <translation>无人接听(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="376"/>
        <source>&amp;Unreachable</source>
        <translation>无法接通(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="380"/>
        <source>Call the room by phone, then record what happened:</source>
        <translation>请用电话呼叫该户，然后记录结果：</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="391"/>
        <source>Phone call: %1</source>
        <translation>电话呼叫：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="442"/>
        <source>No picture was taken.</source>
        <translation>未拍照。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="492"/>
        <source>&amp;Call again</source>
        <translation>再次呼叫(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="527"/>
        <source>Re&amp;fuse (the resident declined the call)</source>
        <translation>拒绝进入(&amp;F)（住户拒接）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="528"/>
        <source>Tell the gate to &amp;wait</source>
        <translation>通知门岗让访客等候(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="540"/>
        <source>The resident decides (the call ends when you choose):</source>
        <translation>由住户决定（选择后通话结束）：</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="552"/>
        <source>No intercom at this site: fill in the visitor, call the room by phone, then record what happened.</source>
        <translation>本站点没有对讲：填写访客信息，用电话呼叫该户，然后记录结果。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="555"/>
        <source>Fill in the visitor, then call the resident (Ctrl+Enter).</source>
        <translation>填写访客信息，然后呼叫住户（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="557"/>
        <source>Registered. Call the resident (Ctrl+Enter).</source>
        <translation>已登记。请呼叫住户（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="559"/>
        <source>Closed without a decision: %1</source>
        <translation>未有结果即结束：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="567"/>
        <source>Room %1 · %2</source>
        <translation>房号 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="573"/>
        <source>Told %1 by %2</source>
        <translation>%1 由 %2 通知</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="584"/>
        <source>%1 (by phone, entered by hand)</source>
        <translation>%1（电话呼叫，手工记录）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="587"/>
        <source>%1 · %2 ring(s) · %3</source>
        <translation>%1 · 振铃 %2 声 · %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="593"/>
        <source>Call %1: %2</source>
        <translation>第 %1 次呼叫：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="597"/>
        <source>Call-ID: %1</source>
        <translation>Call-ID：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="689"/>
        <source>Muted — un&amp;mute</source>
        <translation>已静音 — 取消静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="711"/>
        <source>The intercom could not call: %1. Call the room by phone instead.</source>
        <translation>对讲无法呼叫：%1。请改用电话呼叫该户。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="733"/>
        <source>The call could not be recorded: %1</source>
        <translation>通话结果未能记录：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="838"/>
        <source>Visitor left</source>
        <translation>访客已离开</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="839"/>
        <source>Why is the visit closed without a decision?</source>
        <translation>为什么未有结果就结束此次来访？</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="840"/>
        <source>The visitor left</source>
        <translation>访客已自行离开</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="865"/>
        <source>This gate has no camera.</source>
        <translation>此门岗没有摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="868"/>
        <source>Camera: %1</source>
        <translation>摄像机：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="889"/>
        <source>Taking a picture…</source>
        <translation>正在抓拍…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="895"/>
        <source>Picture taken at %1</source>
        <translation>已于 %1 拍照</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="903"/>
        <source>No picture from the gate camera: %1</source>
        <translation>门岗摄像机未能拍照：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="931"/>
        <source>Call in progress</source>
        <translation>正在通话</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_dialog.py" line="932"/>
        <source>A call to the resident is in progress. Hang up and close?</source>
        <translation>正在呼叫住户。挂断并关闭吗？</translation>
    </message>
</context>
<context>
    <name>VisitWidgets</name>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="75"/>
        <source>Typed here, shown masked</source>
        <translation>在此输入，显示时隐去部分号码</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="81"/>
        <source>ID number as stored (masked)</source>
        <translation>保存的证件号码（已隐去部分）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="93"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/forms.py" line="107"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="142"/>
        <source>Dialling…</source>
        <translation>正在拨号…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="143"/>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="144"/>
        <source>Talking</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="145"/>
        <source>Call ended</source>
        <translation>通话结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="151"/>
        <source>No ring yet</source>
        <translation>尚未振铃</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="153"/>
        <source>Ring %1 of %2</source>
        <translation>第 %1 声 / 共 %2 声</translation>
    </message>
    <message>
        <location filename="../../console/ui/visit_widgets.py" line="171"/>
        <source>Tell %1: %2</source>
        <translation>告诉%1：%2</translation>
    </message>
</context>
<context>
    <name>VisitsPane</name>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="80"/>
        <source>⚠ Overstaying — due %1</source>
        <translation>⚠ 逾时未离 — 应于 %1 离开</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="84"/>
        <location filename="../../console/ui/visits_pane.py" line="559"/>
        <source>On site</source>
        <translation>在场</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="86"/>
        <source>Admitted — left</source>
        <translation>已放行 — 已离开</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="92"/>
        <source>not called yet</source>
        <translation>尚未呼叫</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="95"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="104"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="105"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="106"/>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="107"/>
        <source>Revoked</source>
        <translation>已收回</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="119"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="120"/>
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="121"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="122"/>
        <location filename="../../console/ui/visits_pane.py" line="181"/>
        <source>ID (masked)</source>
        <translation>证件号（隐去部分）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="123"/>
        <location filename="../../console/ui/visits_pane.py" line="182"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="124"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="125"/>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="126"/>
        <source>Outcome / state</source>
        <translation>结果 / 状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="127"/>
        <source>Instructed</source>
        <translation>通知门岗时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="128"/>
        <source>Signed out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="157"/>
        <source>Last call: %1, %2 ring(s)</source>
        <translation>最近一次呼叫：%1，振铃 %2 声</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="162"/>
        <source>Call-ID: %1</source>
        <translation>Call-ID：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="166"/>
        <source>Expected to leave by %1</source>
        <translation>预计 %1 前离开</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="178"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="179"/>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="180"/>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="183"/>
        <source>Area</source>
        <translation>通行区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="184"/>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="185"/>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="186"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="187"/>
        <source>Issued by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="236"/>
        <source>New pass</source>
        <translation>新通行证</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="315"/>
        <source>Pass %1 · %2 (%3) · %4, valid to %5</source>
        <translation>通行证 %1 · %2（%3）· %4，有效期至 %5</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="322"/>
        <source>Revoke pass</source>
        <translation>收回通行证</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="343"/>
        <source>%1 · room %2 · admitted %3 at %4</source>
        <translation>%1 · 房号 %2 · %3 %4 放行</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="349"/>
        <source>Sign out visitor</source>
        <translation>访客离开登记</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="423"/>
        <source>Visits found</source>
        <translation>找到的来访记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="501"/>
        <location filename="../../console/ui/visits_pane.py" line="562"/>
        <source>Passes</source>
        <translation>通行证</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="549"/>
        <source>Today&apos;s visitors</source>
        <translation>今日访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="550"/>
        <source>Visitors on site</source>
        <translation>在场访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="551"/>
        <source>Visitors waiting for the resident</source>
        <translation>等候住户答复的访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="556"/>
        <source>Visitor log</source>
        <translation>访客记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="558"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="560"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="561"/>
        <location filename="../../console/ui/visits_pane.py" line="739"/>
        <source>All / search</source>
        <translation>全部 / 搜索</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="587"/>
        <source>Visitor at &amp;gate…</source>
        <translation>门岗访客(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="588"/>
        <source>&amp;Call resident again…</source>
        <translation>再次呼叫住户(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="589"/>
        <source>Sign &amp;out visitor…</source>
        <translation>访客离开登记(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="590"/>
        <source>&amp;New pass…</source>
        <translation>新通行证(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="591"/>
        <source>&amp;Revoke pass…</source>
        <translation>收回通行证(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="617"/>
        <source>Visitor at gate…</source>
        <translation>门岗访客…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="618"/>
        <source>Open / call again…</source>
        <translation>打开 / 再次呼叫…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="619"/>
        <source>Sign out…</source>
        <translation>离开登记…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="620"/>
        <source>New pass…</source>
        <translation>新通行证…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="621"/>
        <source>Revoke pass…</source>
        <translation>收回通行证…</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="629"/>
        <source>Visitor at gate (Ctrl+Shift+V)</source>
        <translation>门岗访客（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="631"/>
        <source>The selected visit; call the resident again if it is waiting (Ctrl+Shift+R)</source>
        <translation>打开所选来访；如在等候则再次呼叫住户（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="633"/>
        <source>The selected visitor left (Ctrl+Shift+O)</source>
        <translation>所选访客已离开（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="713"/>
        <source>%1 visitor(s) today: %2 admitted, %3 still waiting for a decision</source>
        <translation>今日访客 %1 人：已放行 %2 人，%3 人仍在等候结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="719"/>
        <source>%1 visitor(s) on site</source>
        <translation>在场访客 %1 人</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="721"/>
        <source>⚠ %1 past their expected leave time</source>
        <translation>⚠ %1 人已过预计离开时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="726"/>
        <source>%1 visitor(s) waiting for the resident: call again or tell the gate</source>
        <translation>%1 位访客在等候住户答复：请再次呼叫或通知门岗</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="730"/>
        <source>%1 pass(es) valid now</source>
        <translation>当前有效通行证 %1 张</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="735"/>
        <source>Today (%1)</source>
        <translation>今日（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="736"/>
        <source>On site (%1)</source>
        <translation>在场（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="738"/>
        <source>Waiting (%1)</source>
        <translation>等候（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="740"/>
        <source>Passes (%1)</source>
        <translation>通行证（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="845"/>
        <source>Visitors</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/visits_pane.py" line="850"/>
        <source>V&amp;isitors</source>
        <translation>访客(&amp;I)</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../console/ui/wording.py" line="51"/>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="52"/>
        <source>Supervisor</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="53"/>
        <source>Manager</source>
        <translation>管理处负责人</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="54"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="60"/>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="63"/>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="66"/>
        <source>User name: 2-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>用户名：2-32 个字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="69"/>
        <source>A user with this name already exists.</source>
        <translation>已存在同名用户。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="70"/>
        <source>The first user must be an administrator.</source>
        <translation>第一个用户必须是系统管理员。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="73"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="76"/>
        <source>No such user.</source>
        <translation>没有该用户。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="77"/>
        <source>This would leave the site without an active administrator.</source>
        <translation>此操作会使站点没有可用的系统管理员。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="86"/>
        <source>Someone has already acknowledged this alarm.</source>
        <translation>该报警已被他人确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="89"/>
        <source>Acknowledge the alarm first.</source>
        <translation>请先确认报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="90"/>
        <source>This alarm is already closed.</source>
        <translation>该报警已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="91"/>
        <source>This step is already ticked.</source>
        <translation>该步骤已勾选。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="92"/>
        <source>The checklist has no such step.</source>
        <translation>处置清单中没有该步骤。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="93"/>
        <source>Write a comment first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="94"/>
        <source>Say which guard or post was sent.</source>
        <translation>请填写派出的保安或岗位。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="97"/>
        <source>Shelving a zone needs a reason.</source>
        <translation>搁置防区必须填写原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="98"/>
        <source>The shelving must end in the future.</source>
        <translation>搁置结束时间必须晚于现在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="101"/>
        <source>A zone may be shelved for at most 7 days.</source>
        <translation>防区最多可搁置 7 天。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="104"/>
        <source>This zone is already shelved.</source>
        <translation>该防区已被搁置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="105"/>
        <source>This zone is not shelved.</source>
        <translation>该防区未被搁置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="106"/>
        <source>There is no such zone.</source>
        <translation>没有该防区。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="107"/>
        <source>There is no such alarm.</source>
        <translation>没有该报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="171"/>
        <location filename="../../console/ui/wording.py" line="129"/>
        <source>Patrol</source>
        <translation>巡视</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="172"/>
        <location filename="../../console/ui/wording.py" line="130"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="173"/>
        <location filename="../../console/ui/wording.py" line="131"/>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="174"/>
        <location filename="../../console/ui/wording.py" line="132"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="175"/>
        <location filename="../../console/ui/wording.py" line="133"/>
        <source>Footage</source>
        <translation>录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="176"/>
        <location filename="../../console/ui/wording.py" line="134"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="177"/>
        <location filename="../../console/ui/wording.py" line="135"/>
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="178"/>
        <location filename="../../console/ui/wording.py" line="136"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="179"/>
        <location filename="../../console/ui/wording.py" line="137"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="149"/>
        <source>Write what happened first.</source>
        <translation>请先填写发生的情况。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="150"/>
        <source>An entry holds at most %1 characters; write two entries.</source>
        <translation>一条记录最多 %1 个字符，请分成两条记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="153"/>
        <source>That time falls in a shift that has been handed over: it takes no new entries. Write the entry in the current shift instead.</source>
        <translation>该时间属于已交班的班次，不能再添加记录。请记入当前班次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="158"/>
        <source>An entry cannot be dated in the future.</source>
        <translation>记录时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="159"/>
        <source>The entry&apos;s time has no time zone.</source>
        <translation>记录时间缺少时区。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="160"/>
        <source>There is no such log entry.</source>
        <translation>没有该日志记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="161"/>
        <source>There is no such shift.</source>
        <translation>没有该班次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="162"/>
        <source>Only pictures can be attached (JPEG, PNG, BMP, WebP, GIF or TIFF).</source>
        <translation>只能添加图片（JPEG、PNG、BMP、WebP、GIF 或 TIFF）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="165"/>
        <source>A picture is larger than 20 MB; attach a smaller one.</source>
        <translation>有图片超过 20 MB，请换一张较小的图片。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="168"/>
        <source>A picture could not be read: %1</source>
        <translation>无法读取图片：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="171"/>
        <source>A picture could not be stored: %1</source>
        <translation>无法保存图片：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="174"/>
        <source>These open items are not in the handover yet: %1</source>
        <translation>以下未结事项尚未列入交接班：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="177"/>
        <source>Each open item needs an owner and an “if … then …” instruction.</source>
        <translation>每项未结事项都须指定负责人，并写明“如果…则…”处置要求。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="180"/>
        <source>Tick every checklist item as handed over, or say what is wrong with it.</source>
        <translation>请逐项勾选已交接，或注明未交接的原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="183"/>
        <source>The incoming operator first writes a short summary in their own words.</source>
        <translation>请接班人先用自己的话写一段简短的接班小结。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="186"/>
        <source>This shift has already been handed over.</source>
        <translation>该班次已交班。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="189"/>
        <source>This shift has not begun yet.</source>
        <translation>该班次尚未开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="190"/>
        <source>Only someone who was on duty in this shift can hand it over.</source>
        <translation>只有在本班次在岗的人员才能交班。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="193"/>
        <source>The incoming operator must be someone other than the outgoing one.</source>
        <translation>接班人与交班人不能是同一人。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="196"/>
        <source>This handover is not waiting to be accepted.</source>
        <translation>该交接班不在等待接班状态。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="199"/>
        <source>There is no such handover.</source>
        <translation>没有该交接班记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="200"/>
        <source>Another handover waits for its incoming signature: finish or withdraw it first.</source>
        <translation>另有一次交接班在等待接班人签名：请先完成或撤回。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="204"/>
        <source>The shift&apos;s records changed after the outgoing signature. Tell the supervisor and run the audit check (verify-audit).</source>
        <translation>交班签名后，本班次的记录被改动过。请报告保安主管，并运行审计校验（verify-audit）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="209"/>
        <source>Say why the handover is withdrawn.</source>
        <translation>请说明撤回交接班的原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="219"/>
        <source>Enter the lift number.</source>
        <translation>请输入电梯编号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="220"/>
        <source>A text is longer than the record holds; shorten it.</source>
        <translation>文字超出记录可容纳的长度，请删减。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="223"/>
        <source>People trapped: a whole number from 0 to %1.</source>
        <translation>被困人数须为 0 至 %1 的整数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="226"/>
        <location filename="../../console/ui/wording.py" line="306"/>
        <location filename="../../console/ui/wording.py" line="347"/>
        <location filename="../../console/ui/wording.py" line="414"/>
        <source>The time has no time zone.</source>
        <translation>时间缺少时区。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="227"/>
        <location filename="../../console/ui/wording.py" line="366"/>
        <source>A time cannot be in the future.</source>
        <translation>时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="228"/>
        <source>A time cannot be before the record was opened.</source>
        <translation>时间不能早于记录建立的时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="231"/>
        <source>Say who was called.</source>
        <translation>请填写通知了谁。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="232"/>
        <source>Write the outcome first.</source>
        <translation>请先填写处理结果。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="233"/>
        <source>Enter the unit (room number).</source>
        <translation>请输入房号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="234"/>
        <source>Write what the complaint is about.</source>
        <translation>请填写投诉内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="237"/>
        <source>Write what was done about the complaint.</source>
        <translation>请填写对投诉的处理情况。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="240"/>
        <source>Say whom the complaint was escalated to.</source>
        <translation>请填写投诉上报给了谁。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="243"/>
        <source>There is no such record.</source>
        <translation>没有该记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="244"/>
        <source>This record is already closed.</source>
        <translation>该记录已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="245"/>
        <source>People are still trapped in this lift: record them freed before closing the record.</source>
        <translation>该电梯仍有人被困：请先记录解困，再关闭记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="249"/>
        <source>120 is already recorded as called for this lift.</source>
        <translation>该电梯记录已登记拨打 120。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="252"/>
        <source>The people trapped are already recorded as freed.</source>
        <translation>被困人员已记录为解困。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="255"/>
        <source>Write how the complaint was handled before closing it.</source>
        <translation>关闭投诉前，请填写处理情况。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="258"/>
        <source>Record the follow-up call to the resident before closing the complaint.</source>
        <translation>关闭投诉前，请记录对住户的回访。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="268"/>
        <source>Answer every item, normal or abnormal: %1 not answered yet.</source>
        <translation>请逐项选择正常或异常：还有 %1 项未作答。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="271"/>
        <source>The sheet has no such item (its file has changed): close the form and open it again.</source>
        <translation>检查表中没有该项（检查表文件已更改）：请关闭表单后重新打开。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="276"/>
        <source>An abnormal item needs a note saying what is wrong: %1</source>
        <translation>异常项须备注异常情况：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="280"/>
        <source>Say what was repaired and how.</source>
        <translation>请填写修复情况。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="282"/>
        <source>A note holds at most %1 characters; shorten it.</source>
        <translation>备注最多 %1 个字符，请删减。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="285"/>
        <source>This sheet is already signed for this period.</source>
        <translation>本周期的检查表已签名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="288"/>
        <source>A sheet cannot be signed for a period that has not begun.</source>
        <translation>不能为尚未开始的周期签名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="291"/>
        <source>That time is not the start of one of this sheet&apos;s periods.</source>
        <translation>该时间不是此检查表任一周期的开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="294"/>
        <source>There is no such check sheet (its file has changed).</source>
        <translation>没有该检查表（检查表文件已更改）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="297"/>
        <source>Say what is faulty first.</source>
        <translation>请先填写故障内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="298"/>
        <source>A fault&apos;s title holds at most %1 characters; put the rest in the details.</source>
        <translation>故障标题最多 %1 个字符，其余内容请写在详情中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="301"/>
        <source>There is no such fault report.</source>
        <translation>没有该故障报告。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="302"/>
        <source>This fault is already recorded as repaired.</source>
        <translation>该故障已记录为已修复。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="305"/>
        <source>There is no such check record.</source>
        <translation>没有该检查记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="307"/>
        <source>The check sheet file is not valid: %1</source>
        <translation>检查表文件无效：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="319"/>
        <source>Choose the gate that reported the visitor.</source>
        <translation>请选择报来访客的门岗。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="322"/>
        <source>Enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="323"/>
        <source>Choose the ID type.</source>
        <translation>请选择证件类型。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="324"/>
        <source>Enter the ID number.</source>
        <translation>请填写证件号码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="325"/>
        <source>This is not a valid number for the ID type chosen: check its length, the birth date and the last character.</source>
        <translation>这不是所选证件类型的有效号码：请核对位数、出生日期和最后一位。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="330"/>
        <source>Room: 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (e.g. 3-201 or 30201).</source>
        <translation>房号：1-32 个字母、数字、“.”、“_”或“-”（例如 3-201 或 30201）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="333"/>
        <source>Enter the phone number.</source>
        <translation>请填写电话号码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="334"/>
        <source>A phone number has 3-20 digits (and maybe a leading +).</source>
        <translation>电话号码为 3-20 位数字（可带前导 +）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="337"/>
        <source>Say why they are visiting.</source>
        <translation>请填写来访事由。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="338"/>
        <source>Say which area the pass is for.</source>
        <translation>请填写通行区域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="339"/>
        <location filename="../../console/ui/wording.py" line="399"/>
        <source>Too long: a name holds %1 characters, a text %2.</source>
        <translation>太长：姓名最多 %1 个字符，文字最多 %2 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="344"/>
        <source>The expected leave time must be later than now.</source>
        <translation>预计离开时间必须晚于现在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="348"/>
        <source>The gate has already been told what to do with this visitor.</source>
        <translation>已就此访客通知过门岗。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="351"/>
        <source>The call went to another room than the visitor&apos;s.</source>
        <translation>呼叫的房号与访客要去的房号不同。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="354"/>
        <source>There is no such visit.</source>
        <translation>没有这条来访记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="355"/>
        <source>Call the resident before telling the gate what to do.</source>
        <translation>请先呼叫住户，再通知门岗。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="358"/>
        <source>The last call does not allow this: only the resident decides.</source>
        <translation>最近一次呼叫的结果不允许这样做：只有住户能决定。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="361"/>
        <location filename="../../console/ui/wording.py" line="469"/>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="362"/>
        <source>This visitor was not admitted: there is nothing to sign out.</source>
        <translation>此访客未被放行，无需登记离开。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="365"/>
        <source>This visitor has already signed out.</source>
        <translation>此访客已登记离开。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="367"/>
        <source>The sign-out time is before the visitor was admitted.</source>
        <translation>离开时间早于放行时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="370"/>
        <source>Choose contractor or delivery staff.</source>
        <translation>请选择施工人员或快递外卖人员。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="373"/>
        <source>A pass must end after it begins, and later than now.</source>
        <translation>通行证的截止时间必须晚于起始时间，并晚于现在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="376"/>
        <source>A pass is valid for at most %1 days.</source>
        <translation>通行证有效期最长 %1 天。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="379"/>
        <source>There is no such pass.</source>
        <translation>没有这张通行证。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="380"/>
        <source>This pass is already revoked.</source>
        <translation>这张通行证已收回。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="381"/>
        <source>The key that protects ID numbers is damaged: tell the administrator (%1).</source>
        <translation>保护证件号码的密钥已损坏：请通知系统管理员（%1）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="405"/>
        <source>Say in the note which reason it is.</source>
        <translation>请在备注中写明是何种理由。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="408"/>
        <source>The medium came back altered: say in the note what happened.</source>
        <translation>介质归还时有改动：请在备注中写明经过。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="411"/>
        <source>Say what happened to the medium.</source>
        <translation>请写明介质的情况。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="404"/>
        <source>Choose one of the listed values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="114"/>
        <source>The site file has no such plan: check its [[plans]].</source>
        <translation>站点文件中没有该平面图：请检查其中的 [[plans]]。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="117"/>
        <source>The site file has no such zone or camera any more.</source>
        <translation>站点文件中已没有该防区或摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="120"/>
        <source>Place the marker on the plan image.</source>
        <translation>请将标注放在平面图图像上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="121"/>
        <source>This device is on no plan.</source>
        <translation>该设备不在任何平面图上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="415"/>
        <source>There is no such loan.</source>
        <translation>没有该借阅。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="416"/>
        <source>The loan has moved on meanwhile: this step no longer applies.</source>
        <translation>该借阅的状态已变化：此操作不再适用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="419"/>
        <source>Add at least one camera and time range.</source>
        <translation>请至少添加一个摄像机和时段。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="422"/>
        <source>A loan holds at most %1 ranges.</source>
        <translation>一笔借阅最多 %1 个时段。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="425"/>
        <source>Choose a camera of this site.</source>
        <translation>请选择本站点的摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="426"/>
        <source>A range must end after it begins.</source>
        <translation>时段的结束须晚于开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="427"/>
        <source>A range covers at most 24 hours: split it in two.</source>
        <translation>一个时段最长 24 小时：请拆分为两个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="430"/>
        <source>A range cannot end in the future.</source>
        <translation>时段不能结束于将来。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="431"/>
        <source>The camera has no recording in that range.</source>
        <translation>该摄像机在此时段没有录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="434"/>
        <source>Enter the borrower&apos;s name.</source>
        <translation>请填写借阅人姓名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="435"/>
        <source>Enter the borrower&apos;s organisation (police station, company …).</source>
        <translation>请填写借阅人单位（派出所、公司等）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="438"/>
        <source>Say what the footage is needed for.</source>
        <translation>请写明借阅录像的事由。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="441"/>
        <source>The police need a case number or an alarm-receipt number.</source>
        <translation>公安借阅须填写案件编号或接报警回执号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="444"/>
        <source>A police copy needs the second officer&apos;s name.</source>
        <translation>公安拷贝须填写第二名民警的姓名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="447"/>
        <source>The second officer must be another person than the first.</source>
        <translation>第二名民警须为另一人。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="450"/>
        <source>Choose the medium the copy goes on.</source>
        <translation>请选择拷贝所用的介质。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="453"/>
        <source>Enter the medium&apos;s serial number.</source>
        <translation>请填写介质编号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="456"/>
        <source>The due date must be later than now.</source>
        <translation>归还期限须晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="457"/>
        <source>A loan is due within a year.</source>
        <translation>借阅须在一年内归还。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="458"/>
        <source>Whoever filed the request cannot decide it: another manager decides.</source>
        <translation>申请人不能审批自己的申请：须由另一位负责人审批。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="461"/>
        <source>An operator on duty at this desk cannot decide a loan: the management office&apos;s head decides.</source>
        <translation>本监控室的当班值班员不能审批借阅：须由管理处负责人审批。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="466"/>
        <source>A copy for a resident needs a reason: tick one.</source>
        <translation>住户拷贝须有理由：请勾选一项。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="470"/>
        <source>The footage was already viewed: close the viewing instead.</source>
        <translation>录像已查看：请改为结束现场查看。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="473"/>
        <source>This loan is an on-site viewing: nothing is packaged.</source>
        <translation>该借阅为现场查看：无需制作资料包。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="476"/>
        <source>That folder already holds this loan&apos;s package: move it away first.</source>
        <translation>该文件夹中已有此借阅的资料包：请先移走。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="479"/>
        <source>The package could not be written: %1</source>
        <translation>无法写入资料包：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="482"/>
        <source>The footage could not be copied: %1</source>
        <translation>无法拷贝录像：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="485"/>
        <source>There is no such folder.</source>
        <translation>没有该文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="486"/>
        <source>Enter the witness&apos;s name.</source>
        <translation>请填写见证人姓名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="487"/>
        <source>The witness must be someone other than you.</source>
        <translation>见证人须为他人。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="490"/>
        <source>This loan is a copy: record its return instead.</source>
        <translation>该借阅为拷贝：请改为登记归还。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="493"/>
        <source>No viewing is recorded for this loan: cancel it instead.</source>
        <translation>该借阅没有查看记录：请改为撤销。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="496"/>
        <source>The loan does not cover that camera and time.</source>
        <translation>该借阅不包括此摄像机和时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="499"/>
        <source>That check was made against another manifest: check the medium again.</source>
        <translation>该核验是按另一份清单进行的：请重新核验介质。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="508"/>
        <source>Police</source>
        <translation>公安机关</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="509"/>
        <source>Resident</source>
        <translation>业主/住户</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="510"/>
        <source>Property staff</source>
        <translation>物业内部</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="511"/>
        <source>Other organisation</source>
        <translation>其他单位</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="517"/>
        <source>On-site viewing</source>
        <translation>现场查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="518"/>
        <source>Copy</source>
        <translation>拷贝</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="525"/>
        <source>USB stick</source>
        <translation>U盘</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="526"/>
        <source>Optical disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="527"/>
        <source>Portable hard disk</source>
        <translation>移动硬盘</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="528"/>
        <source>Memory card</source>
        <translation>存储卡</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="529"/>
        <source>Other medium</source>
        <translation>其他介质</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="539"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="541"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="542"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="543"/>
        <source>Out on loan</source>
        <translation>借出中</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="544"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="550"/>
        <source>Reported to the police, for the police</source>
        <translation>已报警，需提交公安</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="553"/>
        <source>Loss of property or damage to a car</source>
        <translation>财物损失或车辆剐蹭</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="556"/>
        <source>Insurance claim</source>
        <translation>保险理赔</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="557"/>
        <source>Lawsuit or mediation</source>
        <translation>诉讼或调解</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="558"/>
        <source>Another reason (in the note)</source>
        <translation>其他理由（写在备注中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="565"/>
        <source>Returned intact</source>
        <translation>完好归还</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="566"/>
        <source>Returned altered</source>
        <translation>归还有改动</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="567"/>
        <source>Destroyed before a witness</source>
        <translation>已在见证人面前销毁</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="568"/>
        <source>Lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="569"/>
        <source>Viewed on site</source>
        <translation>已现场查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="576"/>
        <source>✔ Matches</source>
        <translation>✔ 一致</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="577"/>
        <source>✖ Missing</source>
        <translation>✖ 缺失</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="578"/>
        <source>✖ Other size</source>
        <translation>✖ 大小不符</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="579"/>
        <source>✖ Changed (other SHA-256)</source>
        <translation>✖ 已改动（SHA-256 不符）</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="586"/>
        <source>Answered</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="587"/>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="588"/>
        <source>Declined</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="589"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="590"/>
        <source>Unreachable</source>
        <translation>无法接通</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="591"/>
        <source>Hung up before an answer</source>
        <translation>未接通前已挂断</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="598"/>
        <source>admit</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="599"/>
        <source>refuse</source>
        <translation>拒绝进入</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="600"/>
        <source>wait</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="164"/>
        <location filename="../../console/ui/wording.py" line="606"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="165"/>
        <location filename="../../console/ui/wording.py" line="607"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="166"/>
        <location filename="../../console/ui/wording.py" line="608"/>
        <source>Admitted</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="677"/>
        <source>The files could not be written or read: %1</source>
        <translation>文件无法写入或读取：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="688"/>
        <source>The disk refused: %1</source>
        <translation>磁盘拒绝操作：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="736"/>
        <source>Footage loan requested</source>
        <translation>录像借阅申请</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="737"/>
        <source>Footage loan approved</source>
        <translation>录像借阅批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="738"/>
        <source>Footage loan refused</source>
        <translation>录像借阅拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="739"/>
        <source>Footage loan cancelled</source>
        <translation>录像借阅撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="740"/>
        <source>Footage loan packaged</source>
        <translation>录像借阅资料包制作</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="741"/>
        <source>Footage loan closed</source>
        <translation>录像借阅结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="742"/>
        <source>Footage loan extended</source>
        <translation>录像借阅延期</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="743"/>
        <source>Footage loan overdue</source>
        <translation>录像借阅逾期</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="744"/>
        <source>Footage viewed</source>
        <translation>录像查看</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="167"/>
        <location filename="../../console/ui/wording.py" line="540"/>
        <location filename="../../console/ui/wording.py" line="609"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/report_pdf.py" line="168"/>
        <location filename="../../console/ui/wording.py" line="610"/>
        <source>Left before a decision</source>
        <translation>未有结果即离开</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="616"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="617"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="618"/>
        <source>Hong Kong/Macau permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="619"/>
        <source>Taiwan permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="620"/>
        <source>Police ID card</source>
        <translation>警官证</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="621"/>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="627"/>
        <source>Contractor</source>
        <translation>施工人员</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="628"/>
        <source>Delivery</source>
        <translation>快递外卖</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="634"/>
        <source>The period&apos;s last day is before its first day: swap the two dates.</source>
        <translation>统计期间的最后一天早于第一天：请对调两个日期。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="637"/>
        <source>A report covers at most %1 days: choose a shorter period.</source>
        <translation>一份报表最多统计 %1 天：请选择较短的统计期间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="640"/>
        <source>Give the month as YYYY-MM, for example 2026-11.</source>
        <translation>月份请写成 YYYY-MM，例如 2026-11。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="650"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="653"/>
        <source>Too many failed tries: the account is locked until %1.</source>
        <translation>失败次数过多：账号已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="657"/>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="681"/>
        <source>The database cannot be reached: the console is read-only until it is back. Nothing was saved.</source>
        <translation>无法连接数据库：恢复之前控制台为只读。本次操作未保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="696"/>
        <source>The database cannot be reached: showing what was last loaded.</source>
        <translation>无法连接数据库：显示的是最后一次加载的内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="706"/>
        <source>Log-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="707"/>
        <source>Alarm raised</source>
        <translation>报警产生</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="708"/>
        <source>Alarm repeated</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="709"/>
        <source>Device restored</source>
        <translation>设备恢复</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="710"/>
        <source>Panel reset</source>
        <translation>主机复位</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="711"/>
        <source>Device event stored</source>
        <translation>设备事件已记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="712"/>
        <source>Resent report (duplicate)</source>
        <translation>重发报告（重复）</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="713"/>
        <source>Alarm acknowledged</source>
        <translation>报警已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="714"/>
        <source>SOP step done</source>
        <translation>处置步骤完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="715"/>
        <source>Guard dispatched</source>
        <translation>已派遣保安</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="716"/>
        <source>Alarm comment</source>
        <translation>报警备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="717"/>
        <source>Alarm closed</source>
        <translation>报警已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="718"/>
        <source>Zone shelved</source>
        <translation>防区已搁置</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="719"/>
        <source>Zone unshelved</source>
        <translation>防区取消搁置</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="720"/>
        <source>Log-out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="721"/>
        <source>Failed password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="722"/>
        <source>Account locked out</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="723"/>
        <source>Refused: account locked</source>
        <translation>拒绝：账号已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="724"/>
        <source>Console unlocked</source>
        <translation>值班台解锁</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="725"/>
        <source>Command-line authorisation</source>
        <translation>命令行授权</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="726"/>
        <source>Password check for change</source>
        <translation>修改密码前验证</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="727"/>
        <source>Console locked</source>
        <translation>值班台已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="728"/>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="729"/>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="730"/>
        <source>User enabled/disabled</source>
        <translation>启用/停用用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="731"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="732"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="733"/>
        <source>Personal setting saved</source>
        <translation>保存个人设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="734"/>
        <source>Service started</source>
        <translation>服务启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="735"/>
        <source>Service stopped</source>
        <translation>服务停止</translation>
    </message>
</context>
<context>
    <name>_AsyncDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="61"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="347"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>_RecordTab</name>
    <message>
        <location filename="../../console/ui/records_pane.py" line="598"/>
        <source>Selected record, in full</source>
        <translation>所选记录详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/records_pane.py" line="666"/>
        <source>No record selected</source>
        <translation>未选择记录</translation>
    </message>
</context>
</TS>
