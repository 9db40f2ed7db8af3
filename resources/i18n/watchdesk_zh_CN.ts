<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmDetailPanel</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="132"/>
        <location filename="../../console/ui/alarm_pane.py" line="217"/>
        <source>No alarm selected</source>
        <translation>未选择报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="140"/>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="141"/>
        <source>C&amp;lose…</source>
        <translation>关闭(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="142"/>
        <source>S&amp;helve zone…</source>
        <translation>搁置防区(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="146"/>
        <source>SOP checklist</source>
        <translation>处置流程清单</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="149"/>
        <source>Guard or post sent, e.g. East gate, Zhang</source>
        <translation>派出的保安或岗位，例如：东门岗 张保安</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="150"/>
        <source>&amp;Dispatch</source>
        <translation>派遣(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="153"/>
        <source>Add co&amp;mment</source>
        <translation>添加备注(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="157"/>
        <source>Alarm history</source>
        <translation>报警历史</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="176"/>
        <source>Guard &amp;sent</source>
        <translation>派遣保安(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="178"/>
        <location filename="../../console/ui/alarm_pane.py" line="300"/>
        <source>Guard sent</source>
        <translation>已派遣保安</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="183"/>
        <source>Comme&amp;nt</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="185"/>
        <location filename="../../console/ui/alarm_pane.py" line="301"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="187"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="235"/>
        <source>Raised %1 · source %2 %3 · %4</source>
        <translation>报警时间 %1 · 来源 %2 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="242"/>
        <source>Repeated %1 times</source>
        <translation>重复报警 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="245"/>
        <source>Restored at the device %1 (the alarm stays until closed)</source>
        <translation>设备已于 %1 恢复（报警保持，直至关闭）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="251"/>
        <source>Acknowledged %1 by %2</source>
        <translation>%1 由 %2 确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="257"/>
        <source>Camera: %1</source>
        <translation>摄像机：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="260"/>
        <source>This zone is shelved: it does not sound.</source>
        <translation>该防区已搁置：不发声。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="263"/>
        <source>Closed %1 by %2: %3 — %4</source>
        <translation>%1 由 %2 关闭：%3 — %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="273"/>
        <source>What to do: %1</source>
        <translation>处置流程：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="278"/>
        <source>If real: </source>
        <translation>如属实：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="278"/>
        <source>If false: </source>
        <translation>如误报：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="298"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="299"/>
        <source>Step done</source>
        <translation>步骤完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="302"/>
        <source>Restored at device</source>
        <translation>设备恢复</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="303"/>
        <source>Alarmed again</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="304"/>
        <source>Panel reset</source>
        <translation>主机复位</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="305"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="310"/>
        <source>Device event</source>
        <translation>设备事件</translation>
    </message>
</context>
<context>
    <name>AlarmModel</name>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="49"/>
        <source>Fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="50"/>
        <source>Infrared</source>
        <translation>红外</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="51"/>
        <source>Perimeter</source>
        <translation>周界</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="52"/>
        <source>Video intrusion</source>
        <translation>视频入侵</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="53"/>
        <source>Panic</source>
        <translation>紧急求助</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="54"/>
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="55"/>
        <source>Tamper</source>
        <translation>防拆</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="56"/>
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
        <source>Trouble</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="65"/>
        <source>Disabled at panel</source>
        <translation>主机已屏蔽</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_model.py" line="66"/>
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
        <location filename="../../console/ui/alarm_pane.py" line="65"/>
        <source>Real alarm</source>
        <translation>真实报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="66"/>
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="67"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="68"/>
        <source>Fault repaired</source>
        <translation>故障已修复</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="69"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="78"/>
        <source>Close alarm</source>
        <translation>关闭报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="106"/>
        <source>Shelve zone</source>
        <translation>搁置防区</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="397"/>
        <source>⚠ The alarm sound cannot play on this computer (see the log).</source>
        <translation>⚠ 本机无法播放报警声音（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="403"/>
        <source>Open alarms</source>
        <translation>未关闭的报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="404"/>
        <source>Recently closed</source>
        <translation>最近关闭的报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="405"/>
        <source>Which alarms</source>
        <translation>显示哪些报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="407"/>
        <source>&amp;Group by zone</source>
        <translation>按防区合并(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="408"/>
        <source>Group by zone</source>
        <translation>按防区合并</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="414"/>
        <location filename="../../console/ui/alarm_pane.py" line="632"/>
        <source>Alarm queue</source>
        <translation>报警队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="457"/>
        <source>Acknowledge &amp;top alarm</source>
        <translation>确认首条报警(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="458"/>
        <source>&amp;Acknowledge selected</source>
        <translation>确认所选报警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="459"/>
        <source>&amp;Close selected…</source>
        <translation>关闭所选报警(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="460"/>
        <source>&amp;Shelve zone…</source>
        <translation>搁置防区(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="461"/>
        <source>Show the alarm&apos;s ca&amp;mera</source>
        <translation>显示报警摄像机(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="518"/>
        <source>ALARM FLOOD: %1 new alarms in 10 minutes — repeats are grouped by zone</source>
        <translation>报警泛滥：10 分钟内 %1 条新报警 — 重复报警已按防区合并</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="529"/>
        <source>%1 open, %2 unacknowledged</source>
        <translation>未关闭 %1 条，未确认 %2 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="584"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="636"/>
        <source>&amp;Alarms</source>
        <translation>报警(&amp;A)</translation>
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
        <location filename="../../console/ui/audit_pane.py" line="123"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="67"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="69"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="71"/>
        <source>signal lost</source>
        <translation>信号丢失</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="73"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="74"/>
        <source>not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="464"/>
        <source>Drop a camera here</source>
        <translation>将摄像机拖放到此处</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="468"/>
        <source>Signal lost since %1</source>
        <translation>自 %1 起信号丢失</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="470"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="599"/>
        <source>main stream</source>
        <translation>主码流</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="599"/>
        <source>sub stream</source>
        <translation>子码流</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="601"/>
        <source>%1 fps</source>
        <translation>帧率：%1 fps</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="602"/>
        <source>Resolution: %1 × %2</source>
        <translation>分辨率：%1 × %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="603"/>
        <source>Dropped frames: %1</source>
        <translation>丢帧：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="604"/>
        <source>Stream: %1</source>
        <translation>码流：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="635"/>
        <source>Alarm: %1</source>
        <translation>报警：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="648"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="650"/>
        <source>Camera tile %1: %2</source>
        <translation>画面 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="749"/>
        <source>Camera tile menu</source>
        <translation>画面菜单</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="753"/>
        <source>&amp;Snapshot</source>
        <translation>抓图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="754"/>
        <source>Instant &amp;replay</source>
        <translation>即时回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="756"/>
        <source>&amp;Restore</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="756"/>
        <source>&amp;Enlarge</source>
        <translation>最大化(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="760"/>
        <source>Reset &amp;zoom</source>
        <translation>重置数字放大(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_tile.py" line="761"/>
        <source>&amp;Clear tile</source>
        <translation>清空画面(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="141"/>
        <location filename="../../console/ui/camera_wall.py" line="873"/>
        <source>Camera wall</source>
        <translation>电视墙</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="142"/>
        <source>Camera wall, full screen</source>
        <translation>电视墙（全屏）</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="192"/>
        <source>%1 cameras</source>
        <translation>%1 画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="192"/>
        <source>1 camera</source>
        <translation>单画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="194"/>
        <source>La&amp;yout</source>
        <translation>布局(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="196"/>
        <source>Wall layout</source>
        <translation>电视墙布局</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="200"/>
        <location filename="../../console/ui/camera_wall.py" line="310"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="202"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="203"/>
        <source>Show the wall on the whole screen (F11)</source>
        <translation>全屏显示电视墙（F11）</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="207"/>
        <source>Wall messages</source>
        <translation>电视墙提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="213"/>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="215"/>
        <source>Drag a camera onto a tile, or press Enter to put it in the selected tile</source>
        <translation>将摄像机拖到画面上，或按 Enter 键将其放入所选画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="223"/>
        <source>Cam&amp;eras</source>
        <translation>摄像机(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="235"/>
        <source>Alarm view</source>
        <translation>报警画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="237"/>
        <source>D&amp;ismiss</source>
        <translation>退出(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="239"/>
        <source>Dismiss alarm view</source>
        <translation>退出报警画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="240"/>
        <source>Back to the wall (Esc)</source>
        <translation>返回电视墙（Esc）</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="242"/>
        <source>Dismiss all</source>
        <translation>全部退出</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="244"/>
        <source>Dismiss every alarm view</source>
        <translation>退出所有报警画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="300"/>
        <source>Layout: &amp;1 camera</source>
        <translation>布局：单画面(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="301"/>
        <source>Layout: &amp;4 cameras</source>
        <translation>布局：4 画面(&amp;4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="302"/>
        <source>Layout: &amp;9 cameras</source>
        <translation>布局：9 画面(&amp;9)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="303"/>
        <source>Layout: 1&amp;6 cameras</source>
        <translation>布局：16 画面(&amp;6)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="312"/>
        <source>&amp;Snapshot</source>
        <translation>抓图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="313"/>
        <source>Instant &amp;replay</source>
        <translation>即时回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="314"/>
        <location filename="../../console/ui/camera_wall.py" line="512"/>
        <source>&amp;Enlarge selected camera</source>
        <translation>最大化所选画面(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="315"/>
        <source>&amp;Dismiss alarm view / restore</source>
        <translation>退出报警画面/还原(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="465"/>
        <source>Every tile is in use: select a tile (Tab) or drag the camera onto one.</source>
        <translation>所有画面均已占用：请选择一个画面（Tab），或将摄像机拖到某个画面上。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="492"/>
        <source>&amp;Restore the wall</source>
        <translation>还原电视墙(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="631"/>
        <source>Your wall layout could not be loaded: %1</source>
        <translation>无法加载您的电视墙布局：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="655"/>
        <source>Your wall layout could not be saved: %1</source>
        <translation>无法保存您的电视墙布局：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="762"/>
        <source>⚠ Alarm: %1 — camera %2</source>
        <translation>⚠ 报警：%1 — 摄像机 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="768"/>
        <source>%1 earlier alarm views waiting</source>
        <translation>另有 %1 个较早的报警画面待处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="810"/>
        <source>No picture to save: select a camera tile first.</source>
        <translation>没有可保存的图像：请先选择一个画面。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="822"/>
        <source>Snapshot saved: %1</source>
        <translation>抓图已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="827"/>
        <source>The snapshot could not be saved: %1</source>
        <translation>抓图保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="834"/>
        <source>Select a camera tile first.</source>
        <translation>请先选择一个画面。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="839"/>
        <source>Instant replay is not available.</source>
        <translation>即时回放不可用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/camera_wall.py" line="877"/>
        <source>&amp;Cameras</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="155"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="158"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="159"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="160"/>
        <source>R&amp;epeat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="161"/>
        <source>&amp;Change</source>
        <translation>修改(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CloseAlarmDialog</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="84"/>
        <source>What was found and what was done (required)</source>
        <translation>现场情况和处置经过（必填）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="86"/>
        <source>&amp;Resolution</source>
        <translation>处置结论(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="87"/>
        <source>&amp;Comment</source>
        <translation>备注(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="88"/>
        <source>&amp;Close alarm</source>
        <translation>关闭报警(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../console/ui/statusbar.py" line="23"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="24"/>
        <source>On duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="25"/>
        <source>Device health</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="26"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="51"/>
        <source>On duty: %1</source>
        <translation>值班：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="51"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../console/ui/statusbar.py" line="56"/>
        <source>Devices: %1 online · %2 fault · %3 not started</source>
        <translation>设备：%1 在线 · %2 故障 · %3 未启动</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../console/ui/forms.py" line="28"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="184"/>
        <location filename="../../console/ui/dialogs.py" line="188"/>
        <source>Console locked</source>
        <translation>值班台已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="191"/>
        <source>Locked for %1. Enter the password to unlock.</source>
        <translation>%1 已锁定。请输入密码解锁。</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="196"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="197"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="200"/>
        <source>&amp;Log out / switch operator</source>
        <translation>注销并换人(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="84"/>
        <source>Watchdesk log-in — %1</source>
        <translation>Watchdesk 登录 — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="89"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="90"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="91"/>
        <source>Log &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="97"/>
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
        <location filename="../../console/ui/mainwindow.py" line="83"/>
        <source>&amp;Site</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="84"/>
        <source>&amp;Verify audit chain</source>
        <translation>校验审计链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="86"/>
        <source>&amp;Lock console</source>
        <translation>锁定值班台(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="87"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="88"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="91"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="95"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="98"/>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="99"/>
        <source>&amp;Manage users…</source>
        <translation>用户管理(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="101"/>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="102"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="103"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="104"/>
        <source>&amp;About Watchdesk</source>
        <translation>关于 Watchdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="154"/>
        <source>Quit Watchdesk</source>
        <translation>退出 Watchdesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="156"/>
        <source>Close the console? Alarms are not shown at this desk until it is started again.</source>
        <translation>确定关闭值班台？关闭后本台不再显示报警，直到重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="184"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="185"/>
        <source>The language changes at your next log-in. 语言将在下次登录时切换。</source>
        <translation>语言将在下次登录时切换。The language changes at your next log-in.</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="194"/>
        <source>The audit chain is intact: %1 records.</source>
        <translation>审计链完整：共 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="195"/>
        <location filename="../../console/ui/mainwindow.py" line="198"/>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="197"/>
        <source>The audit chain is BROKEN: %1</source>
        <translation>审计链已被破坏：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="201"/>
        <source>Watchdesk</source>
        <translation>Watchdesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="229"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/mainwindow.py" line="233"/>
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
        <location filename="../../console/ui/mainwindow.py" line="245"/>
        <source>About Watchdesk</source>
        <translation>关于 Watchdesk</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="116"/>
        <source>Create the first administrator</source>
        <translation>创建首个系统管理员</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="116"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="120"/>
        <source>This site has no administrator yet. Create one to continue.</source>
        <translation>本站点还没有系统管理员。请先创建一个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="127"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="128"/>
        <source>&amp;Display name:</source>
        <translation>显示姓名(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="129"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="130"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="131"/>
        <source>R&amp;epeat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/dialogs.py" line="132"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
</context>
<context>
    <name>PlaybackPane</name>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="156"/>
        <source>Camera %1 is not recorded, so there is no footage to play.</source>
        <translation>摄像机 %1 未设置录像，没有可播放的录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="159"/>
        <source>Camera %1 has no recording for that time.</source>
        <translation>摄像机 %1 在该时间无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="162"/>
        <source>The clip of camera %1 must end after it starts.</source>
        <translation>摄像机 %1 的片段结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="165"/>
        <source>The footage of camera %1 could not be written: %2</source>
        <translation>无法写入摄像机 %1 的录像：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="170"/>
        <source>Camera %1 has no recording of the last 30 seconds.</source>
        <translation>摄像机 %1 没有最近 30 秒的录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="177"/>
        <source>There is no camera %1 on this site.</source>
        <translation>本站点没有摄像机 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="181"/>
        <source>Camera %1: %2</source>
        <translation>摄像机 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="195"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="616"/>
        <source>&amp;Camera</source>
        <translation>摄像机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="618"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="625"/>
        <source>Da&amp;y</source>
        <translation>日期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="627"/>
        <location filename="../../console/ui/playback_pane.py" line="629"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="637"/>
        <source>Time shown</source>
        <translation>画面时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="643"/>
        <source>Playback notice</source>
        <translation>回放提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="655"/>
        <source>Choose a time on the timeline, or press Space to play.</source>
        <translation>请在时间轴上选择时间，或按 Space 键播放。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="657"/>
        <location filename="../../console/ui/playback_pane.py" line="1380"/>
        <source>Video playback is not available on this computer: %1</source>
        <translation>本机无法播放视频：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="666"/>
        <location filename="../../console/ui/playback_pane.py" line="947"/>
        <source>Recorded video</source>
        <translation>录像画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="674"/>
        <location filename="../../console/ui/playback_pane.py" line="1055"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="675"/>
        <source>Play or pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="676"/>
        <source>Play or pause (Space)</source>
        <translation>播放/暂停（Space）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="681"/>
        <source>Spe&amp;ed</source>
        <translation>倍速(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="683"/>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="686"/>
        <location filename="../../console/ui/playback_pane.py" line="745"/>
        <source>Mark &amp;in</source>
        <translation>标记入点(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="687"/>
        <source>The clip starts at the cursor (I)</source>
        <translation>片段从光标处开始（I）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="688"/>
        <location filename="../../console/ui/playback_pane.py" line="746"/>
        <source>Mark &amp;out</source>
        <translation>标记出点(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="689"/>
        <source>The clip ends at the cursor (O)</source>
        <translation>片段到光标处结束（O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="692"/>
        <source>E&amp;xport clip…</source>
        <translation>导出片段(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="695"/>
        <source>Export result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="703"/>
        <source>Export warning</source>
        <translation>导出警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="744"/>
        <source>&amp;Play/pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="747"/>
        <source>&amp;Export clip…</source>
        <translation>导出片段(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="748"/>
        <source>Go to the &amp;timeline</source>
        <translation>转到时间轴(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="829"/>
        <source>No camera on this site is recorded.</source>
        <translation>本站点没有设置录像的摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="838"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="856"/>
        <source>%1 recorded, %2 stretches without recording</source>
        <translation>有录像 %1，%2 段无录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="861"/>
        <source>No recording on this day.</source>
        <translation>当天无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="899"/>
        <source>No recording at this time.</source>
        <translation>该时间无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="988"/>
        <source>The recording file %1 cannot be played.</source>
        <translation>录像文件 %1 无法播放。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1000"/>
        <source>Player: %1</source>
        <translation>播放器：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1011"/>
        <source>End of this day&apos;s recording at %1.</source>
        <translation>当天录像到 %1 结束。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1027"/>
        <source>No recording from %1 to %2</source>
        <translation>%1 至 %2 无录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1033"/>
        <source> (recorder: %1)</source>
        <translation>（录像服务：%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1055"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1106"/>
        <source>Clip %1 – %2 (%3)</source>
        <translation>片段 %1 – %2（%3）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1112"/>
        <source>Clip from %1: mark the end (O)</source>
        <translation>片段入点 %1：请标记出点（O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1114"/>
        <source>Clip to %1: mark the start (I)</source>
        <translation>片段出点 %1：请标记入点（I）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1116"/>
        <source>Mark the clip&apos;s start (I) and end (O) on the timeline</source>
        <translation>请在时间轴上标记片段的入点（I）和出点（O）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1122"/>
        <source>Export clip</source>
        <translation>导出片段</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1122"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1135"/>
        <source>Mark the clip&apos;s start (I) and end (O) first.</source>
        <translation>请先标记片段的入点（I）和出点（O）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1147"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1162"/>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1163"/>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1164"/>
        <source>Size: %1 · Duration: %2 · From %3 to %4</source>
        <translation>大小：%1 · 时长：%2 · 时段：%3 至 %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1175"/>
        <source>Part of this clip has no recording: %1. The clip does not show these stretches.</source>
        <translation>此片段中部分时段无录像：%1。导出的片段不包含这些时段。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1184"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1369"/>
        <source>Instant replay</source>
        <translation>即时回放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1408"/>
        <source>Playback</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1412"/>
        <source>&amp;Playback</source>
        <translation>录像回放(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1205"/>
        <source>Instant replay – %1</source>
        <translation>即时回放 – %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1214"/>
        <source>Replay video</source>
        <translation>回放画面</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1218"/>
        <location filename="../../console/ui/playback_pane.py" line="1268"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1219"/>
        <source>Play or pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1222"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1226"/>
        <source>Position in the replay</source>
        <translation>回放进度</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1227"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1228"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1268"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1294"/>
        <source>Player: %1</source>
        <translation>播放器：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1298"/>
        <source>Save replay</source>
        <translation>保存回放</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1298"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1312"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1322"/>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="1327"/>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="111"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="113"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="114"/>
        <source>&amp;For</source>
        <translation>时长(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alarm_pane.py" line="115"/>
        <source>&amp;Shelve</source>
        <translation>搁置(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SitePane</name>
    <message>
        <location filename="../../console/ui/site_pane.py" line="19"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="20"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="21"/>
        <location filename="../../console/ui/site_pane.py" line="33"/>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="27"/>
        <source>fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="28"/>
        <source>infrared</source>
        <translation>红外</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="29"/>
        <source>perimeter</source>
        <translation>周界</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="30"/>
        <source>panic button</source>
        <translation>紧急按钮</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="31"/>
        <source>lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="32"/>
        <source>tamper</source>
        <translation>防拆</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="46"/>
        <source>simulated, %1 scripted steps</source>
        <translation>模拟，脚本 %1 步</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="57"/>
        <source>Site devices</source>
        <translation>站点设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="59"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="59"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="59"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="78"/>
        <source>Cameras (%1)</source>
        <translation>摄像机（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="80"/>
        <source>camera, recorded</source>
        <translation>摄像机，录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="80"/>
        <source>camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="84"/>
        <source>Alarm sources (%1)</source>
        <translation>报警源（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="90"/>
        <source>Zones (%1)</source>
        <translation>防区（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="94"/>
        <location filename="../../console/ui/site_pane.py" line="95"/>
        <source>Intercom</source>
        <translation>对讲</translation>
    </message>
    <message>
        <location filename="../../console/ui/site_pane.py" line="114"/>
        <source>Site and devices</source>
        <translation>站点设备</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="234"/>
        <source>Recording timeline</source>
        <translation>录像时间轴</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="299"/>
        <source>%1 · recorded</source>
        <translation>%1 · 有录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="303"/>
        <source>%1 · no recording from %2 to %3</source>
        <translation>%1 · %2 至 %3 无录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="310"/>
        <source> (recorder: %1)</source>
        <translation>（录像服务：%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="312"/>
        <source>%1 · not yet recorded</source>
        <translation>%1 · 尚未录像</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="323"/>
        <source>No camera or day chosen.</source>
        <translation>未选择摄像机或日期。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="329"/>
        <location filename="../../console/ui/playback_pane.py" line="341"/>
        <source> and %1 more</source>
        <translation>，另有 %1 段</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="330"/>
        <source>Recorded: %1.</source>
        <translation>有录像：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="332"/>
        <source>No recording on this day.</source>
        <translation>当天无录像。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="342"/>
        <source>No recording: %1.</source>
        <translation>无录像：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="344"/>
        <source>Cursor at %1.</source>
        <translation>光标位于 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="346"/>
        <source>Clip start %1.</source>
        <translation>片段入点 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="348"/>
        <source>Clip end %1.</source>
        <translation>片段出点 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="351"/>
        <source>Left/Right: one minute (Shift: ten seconds), PageUp/PageDown: one hour, Ctrl+Left/Right: previous/next recording edge, I/O: mark the clip, Space: play or pause, +/-: zoom.</source>
        <translation>Left/Right：一分钟（Shift：十秒）；PageUp/PageDown：一小时；Ctrl+Left/Right：上一个/下一个录像起止点；I/O：标记片段；Space：播放/暂停；+/-：缩放。</translation>
    </message>
    <message>
        <location filename="../../console/ui/playback_pane.py" line="404"/>
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
    <name>Wording</name>
    <message>
        <location filename="../../console/ui/wording.py" line="19"/>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="20"/>
        <source>Supervisor</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="21"/>
        <source>Manager</source>
        <translation>管理处负责人</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="22"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="28"/>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="31"/>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="34"/>
        <source>User name: 2-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>用户名：2-32 个字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="37"/>
        <source>A user with this name already exists.</source>
        <translation>已存在同名用户。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="38"/>
        <source>The first user must be an administrator.</source>
        <translation>第一个用户必须是系统管理员。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="41"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="44"/>
        <source>No such user.</source>
        <translation>没有该用户。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="45"/>
        <source>This would leave the site without an active administrator.</source>
        <translation>此操作会使站点没有可用的系统管理员。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="54"/>
        <source>Someone has already acknowledged this alarm.</source>
        <translation>该报警已被他人确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="57"/>
        <source>Acknowledge the alarm first.</source>
        <translation>请先确认报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="58"/>
        <source>This alarm is already closed.</source>
        <translation>该报警已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="59"/>
        <source>This step is already ticked.</source>
        <translation>该步骤已勾选。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="60"/>
        <source>The checklist has no such step.</source>
        <translation>处置清单中没有该步骤。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="61"/>
        <source>Write a comment first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="62"/>
        <source>Say which guard or post was sent.</source>
        <translation>请填写派出的保安或岗位。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="65"/>
        <source>Shelving a zone needs a reason.</source>
        <translation>搁置防区必须填写原因。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="66"/>
        <source>The shelving must end in the future.</source>
        <translation>搁置结束时间必须晚于现在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="69"/>
        <source>A zone may be shelved for at most 7 days.</source>
        <translation>防区最多可搁置 7 天。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="72"/>
        <source>This zone is already shelved.</source>
        <translation>该防区已被搁置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="73"/>
        <source>This zone is not shelved.</source>
        <translation>该防区未被搁置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="74"/>
        <source>There is no such zone.</source>
        <translation>没有该防区。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="75"/>
        <source>There is no such alarm.</source>
        <translation>没有该报警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="83"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="86"/>
        <source>Too many failed tries: the account is locked until %1.</source>
        <translation>失败次数过多：账号已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="90"/>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="101"/>
        <source>Log-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="102"/>
        <source>Alarm raised</source>
        <translation>报警产生</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="103"/>
        <source>Alarm repeated</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="104"/>
        <source>Device restored</source>
        <translation>设备恢复</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="105"/>
        <source>Panel reset</source>
        <translation>主机复位</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="106"/>
        <source>Device event stored</source>
        <translation>设备事件已记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="107"/>
        <source>Resent report (duplicate)</source>
        <translation>重发报告（重复）</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="108"/>
        <source>Alarm acknowledged</source>
        <translation>报警已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="109"/>
        <source>SOP step done</source>
        <translation>处置步骤完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="110"/>
        <source>Guard dispatched</source>
        <translation>已派遣保安</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="111"/>
        <source>Alarm comment</source>
        <translation>报警备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="112"/>
        <source>Alarm closed</source>
        <translation>报警已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="113"/>
        <source>Zone shelved</source>
        <translation>防区已搁置</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="114"/>
        <source>Zone unshelved</source>
        <translation>防区取消搁置</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="115"/>
        <source>Log-out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="116"/>
        <source>Failed password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="117"/>
        <source>Account locked out</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="118"/>
        <source>Refused: account locked</source>
        <translation>拒绝：账号已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="119"/>
        <source>Console unlocked</source>
        <translation>值班台解锁</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="120"/>
        <source>Command-line authorisation</source>
        <translation>命令行授权</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="121"/>
        <source>Password check for change</source>
        <translation>修改密码前验证</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="122"/>
        <source>Console locked</source>
        <translation>值班台已锁定</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="123"/>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="124"/>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="125"/>
        <source>User enabled/disabled</source>
        <translation>启用/停用用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="126"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="127"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="128"/>
        <source>Personal setting saved</source>
        <translation>保存个人设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="129"/>
        <source>Service started</source>
        <translation>服务启动</translation>
    </message>
    <message>
        <location filename="../../console/ui/wording.py" line="130"/>
        <source>Service stopped</source>
        <translation>服务停止</translation>
    </message>
</context>
<context>
    <name>_AsyncDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="54"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
