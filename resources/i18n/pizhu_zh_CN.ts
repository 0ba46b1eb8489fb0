<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>none open</source>
            <translation>未打开</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>About Pizhu</source>
            <translation>关于批注</translation>
        </message>
        <message>
            <source>A desktop reader and annotator for Chinese news.</source>
            <translation>一款用于阅读和标注中文新闻的桌面应用。</translation>
        </message>
        <message>
            <source>License: MIT. The bundled fallback font is a subset of Noto Sans CJK SC under the SIL Open Font License 1.1.</source>
            <translation>许可证：MIT。随附的备用字体是思源黑体（Noto Sans CJK SC）的子集，采用 SIL 开放字体许可证 1.1。</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;About Pizhu</source>
            <translation>关于批注(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;New Database…</source>
            <translation>新建数据库(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open Database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Find in Corpus</source>
            <translation>在语料中查找(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <source>Open &amp;Beside</source>
            <translation>在旁边打开(&amp;B)</translation>
        </message>
        <message>
            <source>Open the chosen article in a new pane beside</source>
            <translation>在旁边的新窗格中打开所选文章</translation>
        </message>
        <message>
            <source>&amp;Close Pane</source>
            <translation>关闭窗格(&amp;C)</translation>
        </message>
        <message>
            <source>Show &amp;Raw Text</source>
            <translation>显示原始文本(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation>接受(&amp;A)</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>拒绝(&amp;J)</translation>
        </message>
        <message>
            <source>&amp;Delete Entity</source>
            <translation>删除实体(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Next Suggestion</source>
            <translation>下一个建议(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Previous Suggestion</source>
            <translation>上一个建议(&amp;P)</translation>
        </message>
        <message>
            <source>Accept A&amp;ll Suggestions</source>
            <translation>接受全部建议(&amp;L)</translation>
        </message>
        <message>
            <source>Mark &amp;Done &amp;&amp; Next Article</source>
            <translation>标记完成并打开下一篇(&amp;D)</translation>
        </message>
        <message>
            <source>Label All &amp;Occurrences…</source>
            <translation>标注所有出现(&amp;O)…</translation>
        </message>
        <message>
            <source>Snap Selection to &amp;Words</source>
            <translation>选区对齐到词(&amp;W)</translation>
        </message>
        <message>
            <source>Extract &amp;Current Article</source>
            <translation>抽取当前文章(&amp;C)</translation>
        </message>
        <message>
            <source>Extract &amp;Selected Articles</source>
            <translation>抽取所选文章(&amp;S)</translation>
        </message>
        <message>
            <source>Extract &amp;Whole Corpus</source>
            <translation>抽取整个语料(&amp;W)</translation>
        </message>
    </context>
    <context>
        <name>Annotator</name>
        <message>
            <source>Select some text first</source>
            <translation>请先选择文本</translation>
        </message>
        <message>
            <source>Select a span first</source>
            <translation>请先选择一个标注</translation>
        </message>
        <message>
            <source>Label all occurrences is not available yet</source>
            <translation>“标注所有出现”暂不可用</translation>
        </message>
    </context>
    <context>
        <name>Background</name>
        <message numerus="yes">
            <source>Extracting %n article(s)</source>
            <translation>
                <numerusform>正在抽取 %n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Extraction %1: %2 article(s), %3 error(s)</source>
            <translation>抽取%1：%2 篇文章，%3 个错误</translation>
        </message>
        <message>
            <source>Extraction problems</source>
            <translation>抽取问题</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <source>Import report</source>
            <translation>导入报告</translation>
        </message>
    </context>
    <context>
        <name>CorpusPanel</name>
        <message>
            <source>Search…  e.g. 经开区, label:ORG 山东</source>
            <translation>搜索…  例如 经开区、label:ORG 山东</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 articles</source>
            <translation>%1 / %2 篇文章</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Open Beside</source>
            <translation>在旁边打开</translation>
        </message>
        <message numerus="yes">
            <source>Extract %n Article(s)</source>
            <translation>
                <numerusform>抽取 %n 篇文章</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EntityTreeModel</name>
        <message>
            <source>Entity</source>
            <translation>实体</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message numerus="yes">
            <source>%n pending</source>
            <translation>
                <numerusform>%n 条待审</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>All articles</source>
            <translation>全部文章</translation>
        </message>
        <message>
            <source>Done articles</source>
            <translation>已完成的文章</translation>
        </message>
        <message>
            <source>Reviewed annotations</source>
            <translation>已审核的标注</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>Clean</source>
            <translation>清洗后</translation>
        </message>
        <message>
            <source>Raw (original)</source>
            <translation>原始文本</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation>导出到文件</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
    </context>
    <context>
        <name>ExportThread</name>
        <message>
            <source>Export is not available in this build.</source>
            <translation>此版本不支持导出。</translation>
        </message>
    </context>
    <context>
        <name>FactTableModel</name>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Slot %1</source>
            <translation>槽位 %1</translation>
        </message>
        <message>
            <source>text</source>
            <translation>文本</translation>
        </message>
    </context>
    <context>
        <name>FactType</name>
        <message>
            <source>investment</source>
            <translation>投资</translation>
        </message>
        <message>
            <source>position</source>
            <translation>任职</translation>
        </message>
        <message>
            <source>metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>event</source>
            <translation>事件</translation>
        </message>
    </context>
    <context>
        <name>FactUndo</name>
        <message>
            <source>Add fact</source>
            <translation>添加事实</translation>
        </message>
        <message>
            <source>Delete fact</source>
            <translation>删除事实</translation>
        </message>
        <message>
            <source>Edit slot “%1”</source>
            <translation>编辑槽位“%1”</translation>
        </message>
        <message>
            <source>Accept facts</source>
            <translation>接受事实</translation>
        </message>
        <message>
            <source>Reject facts</source>
            <translation>拒绝事实</translation>
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>New Database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Open Database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Import Files</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <source>Import Folder</source>
            <translation>导入文件夹</translation>
        </message>
        <message>
            <source>Export is not available in this build</source>
            <translation>此版本不支持导出</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Welcome to Pizhu 批注</source>
            <translation>欢迎使用批注</translation>
        </message>
        <message>
            <source>Your name, recorded on every annotation you make:</source>
            <translation>您的名字（将记录在您的每一条标注上）：</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Facts</source>
            <translation>事实</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Add a fact</source>
            <translation>添加一条事实</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete facts</source>
            <translation>删除事实</translation>
        </message>
    </context>
    <context>
        <name>JobProgress</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>KeyHint</name>
        <message>
            <source>Select text and press %1 to label it · A accept · X reject · Del delete · N / P next / previous suggestion · Ctrl+Z undo</source>
            <translation>选中文本后按 %1 标注 · A 接受 · X 拒绝 · Del 删除 · N / P 下一个 / 上一个建议 · Ctrl+Z 撤销</translation>
        </message>
        <message>
            <source>Got it</source>
            <translation>知道了</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <source>Labels:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <source>%1%2 — key %3; click to show or hide</source>
            <translation>%1%2 — 快捷键 %3；点击显示或隐藏</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Corpus</source>
            <translation>语料</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>检查器</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>标注(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Label Selection</source>
            <translation>标注选区(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Preferences are not available in this build</source>
            <translation>此版本不支持首选项</translation>
        </message>
        <message>
            <source>delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>next / previous suggestion</source>
            <translation>下一个 / 上一个建议</translation>
        </message>
        <message>
            <source>accept all</source>
            <translation>全部接受</translation>
        </message>
        <message>
            <source>mark done and open the next article</source>
            <translation>标记完成并打开下一篇</translation>
        </message>
        <message>
            <source>open an article beside</source>
            <translation>在旁边打开文章</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>快捷键</translation>
        </message>
    </context>
    <context>
        <name>OccurrenceModel</name>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>前文</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>After</source>
            <translation>后文</translation>
        </message>
        <message>
            <source>already labelled</source>
            <translation>已标注</translation>
        </message>
        <message>
            <source>overlaps an entity a person made or accepted; skipped</source>
            <translation>与人工创建或接受的实体重叠，将跳过</translation>
        </message>
    </context>
    <context>
        <name>OccurrencesDialog</name>
        <message numerus="yes">
            <source>Label %n occurrence(s)</source>
            <translation>
                <numerusform>标注 %n 处出现</numerusform>
            </translation>
        </message>
        <message>
            <source>Label all occurrences</source>
            <translation>标注所有出现</translation>
        </message>
        <message>
            <source>%1 occurrence(s) of “%2” in the corpus; label the checked ones as %3.</source>
            <translation>“%2”在语料中出现 %1 次；将勾选的标注为 %3。</translation>
        </message>
        <message>
            <source>Apply label</source>
            <translation>应用标签</translation>
        </message>
        <message>
            <source>Check all</source>
            <translation>全选</translation>
        </message>
        <message>
            <source>Check none</source>
            <translation>全不选</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>System default</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <source>Annotator name</source>
            <translation>标注者姓名</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Snap selections to word boundaries (jieba)</source>
            <translation>选区对齐到词边界（jieba 分词）</translation>
        </message>
        <message>
            <source>Reader font size</source>
            <translation>阅读字号</translation>
        </message>
        <message>
            <source>Label keys</source>
            <translation>标签快捷键</translation>
        </message>
        <message>
            <source>Every label needs a key.</source>
            <translation>每个标签都需要一个快捷键。</translation>
        </message>
        <message>
            <source>Two labels share a key.</source>
            <translation>两个标签使用了同一个快捷键。</translation>
        </message>
        <message>
            <source>A, X, N and P are taken by accept, reject, next and previous.</source>
            <translation>A、X、N、P 已用于接受、拒绝、下一个和上一个。</translation>
        </message>
    </context>
    <context>
        <name>Reader</name>
        <message>
            <source>Open an article from the corpus (Ctrl+click opens it beside the current one).</source>
            <translation>从语料中打开一篇文章（Ctrl+点击在当前文章旁边打开）。</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Raw</source>
            <translation>原文</translation>
        </message>
        <message>
            <source>Show the original imported text</source>
            <translation>显示导入时的原始文本</translation>
        </message>
        <message>
            <source>Close pane</source>
            <translation>关闭窗格</translation>
        </message>
        <message>
            <source>#%1 · %2 · %3 entities · %4 pending</source>
            <translation>#%1 · %2 · %3 个实体 · %4 条待审</translation>
        </message>
        <message>
            <source>value: %1</source>
            <translation>值：%1</translation>
        </message>
        <message>
            <source>source: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <source>status: %1</source>
            <translation>状态：%1</translation>
        </message>
        <message>
            <source>also in another open article</source>
            <translation>也出现在另一篇已打开的文章中</translation>
        </message>
    </context>
    <context>
        <name>Slot</name>
        <message>
            <source>investor</source>
            <translation>投资方</translation>
        </message>
        <message>
            <source>amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>person</source>
            <translation>人物</translation>
        </message>
        <message>
            <source>title</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>org</source>
            <translation>机构</translation>
        </message>
        <message>
            <source>indicator</source>
            <translation>指标名</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>subject</source>
            <translation>主体</translation>
        </message>
        <message>
            <source>period</source>
            <translation>时期</translation>
        </message>
        <message>
            <source>action</source>
            <translation>动作</translation>
        </message>
        <message>
            <source>place</source>
            <translation>地点</translation>
        </message>
    </context>
    <context>
        <name>SlotDelegate</name>
        <message>
            <source>(empty)</source>
            <translation>（清空）</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>suggested</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>已接受</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>人工</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>标注(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Label Selection</source>
            <translation>标注选区(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Preferences are not available in this build</source>
            <translation>此版本不支持首选项</translation>
        </message>
        <message>
            <source>delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>next / previous suggestion</source>
            <translation>下一个 / 上一个建议</translation>
        </message>
        <message>
            <source>accept all</source>
            <translation>全部接受</translation>
        </message>
        <message>
            <source>mark done and open the next article</source>
            <translation>标记完成并打开下一篇</translation>
        </message>
        <message>
            <source>open an article beside</source>
            <translation>在旁边打开文章</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>快捷键</translation>
        </message>
    </context>
</TS>
