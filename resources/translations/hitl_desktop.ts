<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every imported image, page and text. Type in the search box to filter (tag:NAME, source:NAME); the status column says what is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open item: draw boxes on pages, mark spans in texts. Ctrl+S saves a revision; Ctrl+Shift+Down goes to the next item to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the label for what you draw; each has a number key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text read from the page, line by line: correct it in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you are, what runs in the background, and who you are (your role).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labelling instructions and the keyboard shortcuts, always at hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjudicateDialog</name>
    <message>
        <source>Edit and adjudicate: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label for new shapes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationImportController</name>
    <message>
        <source>Import &amp;annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import annotations made in COCO, Label Studio, YOLO or PaddleOCR, with their images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing annotations from {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation import failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation import failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationImportReportDialog</name>
    <message>
        <source>Annotation import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: some labels are not in schema {schema}. Rename them, or choose to import them anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already there</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not processed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels not in schema {schema}: {labels}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerPane</name>
    <message>
        <source>{n} annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review decision: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class: {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No second answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassificationPanel</name>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept suggested class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: {labels} ({score}) by {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No labels yet: the item&apos;s label set has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggested class to accept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardMenu</name>
    <message>
        <source>&amp;Dashboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift, model corrections, agreement and throughput over time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days in the current window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days in the reference window before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction rates of the suggestions with this label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this person&apos;s answers, decisions and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction rate per model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label distribution: reference and current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input drift (PSI per import statistic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model against adjudicated answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between annotators, per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers per person and day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the figures shown are the previous ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the figures: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>&amp;Next item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next item &amp;to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to annotate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item holds other items (pages or rows); select one of them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceLabel</name>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where OCR and models run. {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>Automatic (the GPU when usable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the models run; without a usable GPU the CPU is used, and said so</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits of this item from an earlier session are back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only; edits cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep a draft: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditName</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept pre-labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all pre-labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept suggested class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit transcription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-recognise boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label as &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label span &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjudicated answers only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest revision of each item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One annotator&apos;s revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 80/10/10 (empty: no split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include retired items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur regions flagged for redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train/val/test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COCO instances JSON (boxes, polygons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO labels and data.yaml (YOLO-seg when polygons are present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pascal VOC XML per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaddleOCR Label.txt and rec_gt.txt with line crops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label Studio tasks with annotations and predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines: class labels and spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoNLL-2003 BIO tags of the spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, one annotation a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the annotator&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {items} item(s) and {anns} annotation(s) to {folder}; manifest {manifest}. {notes} note(s) in MANIFEST.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>HITL Desktop: first start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpPane</name>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>_No instructions: this item&apos;s label schema has none, or none is published yet._</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Item history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: 1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{actor} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covered by its batch&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type}
event {hash}
device {device} #{seq}
{signed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} ({score})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln box(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageEditor</name>
    <message>
        <source>Image editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept pre-labels (selected, or all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete selected shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page image is {w} x {h} pixels but the item records {rw} x {rh}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page cannot be shown: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tool} · label: {label} · {n} shapes, {s} pre-labels · {zoom:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a label first (keys 1-9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A polygon needs at least 3 points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportAnnotationsDialog</name>
    <message>
        <source>Import annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COCO JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label Studio JSON (tasks export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO dataset (data.yaml or classes.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PaddleOCR detection labels (Label.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: beside the annotation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;annotations by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;pre-labels (suggestions to accept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label Studio files keep each annotation&apos;s author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old=new, other=new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import labels the schema lacks (they are listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mages folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so nothing can be imported into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preparing to import %Ln file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{progress} — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… {progress}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln files to import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No files found to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the files come from (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items from the same source and path are recognised when imported again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who collected them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner, camera or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example CC BY 4.0, or research only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, consent was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. invoices, 2026, batch-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution at which PDF pages are rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guessed (name or 0-based index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“text” or the first text field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF pages at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV/TSV text co&amp;lumn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSONL field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files and name their source to import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show &amp;problems only (%Ln)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show &amp;problems only (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} imported ({items})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{n} duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} new sightings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} flagged as near-duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages/rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looks like 1 other item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>looks like %Ln other items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>Sync incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n event(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The server has refused no event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the incidents: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemBrowser</name>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only items with this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All but retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, including retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names and sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case-insensitive; matches part of a name or source.
tag:NAME keeps items imported with that tag; source:NAME those of one source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Doubtful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only items whose latest suggestion scored under {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only items assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No items match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no items yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln box(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name}
{media_type}
id {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model has suggested anything for this item yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested by {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low confidence: check this one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelDock</name>
    <message>
        <source>Add a label…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>Label palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (key {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogTools</name>
    <message>
        <source>Verifying the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the log… {pct}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify log: OK. {events} events from {devices} device(s) verify; {signatures} signatures checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify log: FAILED. {n} problem(s) in {events} events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying the log into the projections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild projections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the rebuild…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilding projections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilt projections from {events} events: identical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilt projections from {events} events: {tables} changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projections kept incrementally differed from a full replay of the log; the replayed ones are now in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild cancelled; the projections are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import images, scans, PDFs and text files with their provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every file in a folder and its subfolders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the annotations in a training format, with a manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name and role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every event&apos;s hash, chain and signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rebuild projections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the whole log into fresh tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a label schema file (JSON or YAML) as its next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the label schema, publish its next version, see its history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard cheat sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help &amp;pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short walk through the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are now {name} ({role}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the workspace open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program is writing to this workspace, so it opened read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>signing as {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every item in the list is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label schemas (*.json *.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published {ref}: {mapped} item(s) mapped, {flagged} flagged for re-check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publish schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running job to finish, then open the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;HITL Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline-first human-in-the-loop labelling. Every change is an event in a hash-chained, signed lineage log.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MakingPage</name>
    <message>
        <source>Getting your workspace ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: {path}. Press Finish to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make the workspace: {error}. Go back to choose again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Publish {ref}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed and why (workers see it in history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrController</name>
    <message>
        <source>Run OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run OCR on &amp;selected items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run OCR on &amp;all pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A usable GPU was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the text on the selected images and pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the text on every image and page of the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the workspace open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so OCR results cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another job is running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the images or pages to read first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no images or pages to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected items is an image or a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read the text on all %Ln image(s) and page(s) of the workspace.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the text on %Ln selected image(s) and page(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other selected item(s) will be left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Running OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the OCR engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling OCR after the page being read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running OCR on %Ln page(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Running OCR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln page(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The last OCR run used this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary}. {notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) could not be read:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>OCR failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrLinesEditor</name>
    <message>
        <source>OCR lines editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept selected OCR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all OCR lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move line up in reading order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move line down in reading order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-recognise selected boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an image or page to see its OCR lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Page checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked (Ctrl+Enter when done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggested (A accepts)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n low-confidence</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>re-recognising…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select suggested (grey) lines to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggested OCR lines to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select accepted lines to move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already re-recognising; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select accepted lines to re-recognise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-recognised page is no longer open; the reading is in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-recognising failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrLinesModel</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested by OCR, not yet accepted: press A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low OCR confidence: check this line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrOptionsDialog</name>
    <message>
        <source>Run OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RapidOCR (PP-OCR models, accurate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tesseract (faster, less accurate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCR engine; its version and model are recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect upside-down &amp;text lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the orientation classifier on each line (slower; for rotated scans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;again pages already read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages already read by this engine and model are skipped unless this is checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run OCR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrView</name>
    <message>
        <source>OCR reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an image or a page to see the text read on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR reads images and pages only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OCR yet — Tools → Run OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: 1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln lines</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln to check</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The OCR run found no text on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by {engine} {version} on {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean score {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by {engine} {version} on {device}
model files {weights}
event {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low confidence ({score}): check this line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Painter</name>
    <message>
        <source>Current window {current}, reference {reference}; {events} events in the log. {alarms}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms: {list}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drift alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No revision started from a model&apos;s suggestion yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of suggestions changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{model}: {changed} of {n} changed ({rate}); before: {was_n} ({was})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in either window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM PSI {psi}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {n_ref} items before, {n_cur} now; PSI {psi}, chi-square {chi2} (p {p}). {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item imported in either window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM {stats}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stat}: {n_ref} items before, {n_cur} now; mean {mean_ref} -&gt; {mean_cur}. {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No text in either window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times used in the current window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unseen} of {words} words in the current window ({share}) were never seen in the reference window; texts read: {n_ref} before, {n_cur} now. {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No adjudicated item with a model&apos;s class pre-label in the current window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model: {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} P {p} R {r} F1 {f1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{items} items, accuracy {acc}. {scores}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item answered by two or more people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share agreeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items compared per week: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody worked in the current window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {answers} answers, {decisions} decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event in the current window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days since {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} events in the current window ({shown} latest shown); by type: {types}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this plot as an SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sync interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While signed in to a server, sync every so many minutes; 0 turns it off. Applies at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply the next time HITL Desktop starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrelabelController</name>
    <message>
        <source>Pre-label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pre-label selected items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-label all &amp;items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a model suggest labels for the selected items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a model suggest labels for every item it can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the workspace open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so pre-labels cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another job is running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the items to pre-label first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-labelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling pre-labelling after the batch in flight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pre-labelling %Ln item(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The last model run used this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary}. {notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) could not be pre-labelled:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pre-labelling failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-labelling failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrelabelOptionsDialog</name>
    <message>
        <source>Pre-label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that suggests labels; its id and weights hash are recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label set JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels with descriptions; zero-shot models compare items with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-label &amp;again items this model already did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pre-label</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) and page(s) will be pre-labelled.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln text item(s) will be pre-labelled.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No model is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a model first: hitl models add FOLDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model reads images; none of the items is an image or a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model reads text; none of the items is a text item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This zero-shot model needs a label set: choose a JSON file of labels with descriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a label set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label sets (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name and role are recorded in every event you make from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Welcome to HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you? Your name and role are recorded with every change you make.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derived from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenanceDocks</name>
    <message>
        <source>Dataset &amp;provenance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources, items, pre-labelled, corrected, reviewed, exported: the counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provenance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenanceFlowWidget</name>
    <message>
        <source>Dataset flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenanceFlowWindow</name>
    <message>
        <source>Dataset provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the dataset: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data is retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired: 1 item, kept in the history but left out of the counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retired: %Ln items, kept in the history but left out of the counts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 export could not be read (moved or edited): its items are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln exports could not be read (moved or edited): their items are not counted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema {ref}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status or schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status and schemas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvenanceView</name>
    <message>
        <source>Provenance graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ signed, ? not yet signed, ! failed verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to see where it came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history of {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this item&apos;s history: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: no events recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: 1 event. Click it for its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln events. Click one for its details.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Signed: its own signature is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with its batch: a later signature covers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not covered by a signature yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed verification: do not trust this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Based on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest agreement first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold failures always come first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list disagreements at or above the schema&apos;s agreement threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fork</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disagreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are the answers to {item} rejected? The workers see this reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the header box is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>Stakeholder &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a report on this dataset and its lineage for people who do not use the app (HTML or PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the stakeholder report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report… {done} of {total} figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stakeholder report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Review &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide the items whose answers disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review: ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review: {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept &amp;left answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept &amp;right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge picks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit and adjudicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review queue is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task and press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region only on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region only on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions differ in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span only on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span only on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different span label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span boundaries differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which answer&apos;s version the merge keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item}: {decision} recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>{name} · {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile: File → Profile… changes it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{progress} — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{running}… {progress}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <source>Label schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of items labelled by two people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below this agreement, an item goes to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from the parent version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks and labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlap (fraction labelled twice):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v{v} · {note} · {actor} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing published yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First version: {n} task(s), {m} label(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {v} (from v{p})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {v} (first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: ready to publish as {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks[{t}].labels[{i}].hotkey: hotkey &apos;{key}&apos; of label &apos;{label}&apos; is the app&apos;s key for “{action}”; choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a {role}: only an expert or an admin may publish a schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publish schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published {ref}: {m} item(s) mapped, {f} flagged for re-check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaTables</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes of the selected label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is sent to the server once and never kept; the sign-in is kept in your system&apos;s keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s address, starting with https:// or http://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give your user name and password on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} refused this user name or password; check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open a secure connection to {url}: its certificate could not be verified ({reason}). Check the address; if it is right, ask your administrator for a valid certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} is unreachable: it does not answer. Check the address and your network connection, then try again; your work stays here meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} speaks a newer sync protocol: upgrade the client (this app), then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} speaks an older sync protocol: ask your administrator to upgrade the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} revoked this device, so it refuses its work. Ask your administrator; to go on, open a fresh copy of the project (a new device) and sign in there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} has this device registered to another user: sign in as that user, or use a fresh copy of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account on {url} has no role this app knows, so it could do nothing here: ask your administrator to give it a role (worker, checker, expert or admin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} could not prove it is the real server (its signed checkpoint does not verify); nothing was sent. Tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign in: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sign &amp;in to server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect this workspace to a central store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out of server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the sign-in kept in the keyring; local work stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes to the server and fetch everyone else&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sync; the next one resumes where this one stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;incidents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events the server refused, for admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to {url} as {user} ({role}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace records your work as {profile}: change the profile to {user} (File → Profile…) before syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of {url}; your work stays here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing needs the workspace open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced with {url}: {pushed} sent, {pulled} received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n event(s); an admin sees them under Tools → Sync incidents.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled; the next one resumes where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s checkpoint key changed since you signed in; if your administrator rotated it, sign in again (File → Sign in to server…). Nothing was sent or received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s signed checkpoint does not verify: the answer was altered on its way or it is not the real server. Nothing was sent or received; tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a server: File → Sign in to server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again: File → Sign in to server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device refused the server {when}: its checkpoint key changed since you signed in. If your administrator rotated it, sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device refused the server {when}: its signed checkpoint did not verify. Tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextSpanEditor</name>
    <message>
        <source>Text editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove span at cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept suggestion at cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all span suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested {label}{score}: “{words}” [{start}, {end}) — A accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: “{words}” [{start}, {end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a text item to label spans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text, then press a label key (1–9) or Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text to label first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a label first (keys 1–9 or the palette).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No span at the cursor to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggested span at the cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No span suggestions to accept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTable</name>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the current window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (synced)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>Tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkPosition</name>
    <message>
        <source>Item {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln saved today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Your workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace is a folder holding your items and their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open an existing workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the &amp;demo workspace (sample pages and texts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run OCR and pre-labels on the demo (takes a minute or two)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a central store (comes with sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and corrects items: imports, runs OCR and pre-labels, saves annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything a worker does, and decides reviews: accepts or rejects others&apos; work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defines what &apos;correct&apos; means: publishes label schemas and their instructions, and reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks after the workspace: everything above plus rebuild and maintenance tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only admins use the rebuild and admin tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only checkers and experts decide reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only checkers and experts assign work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only experts publish schemas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only experts approve dataset exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only checkers and experts import answers credited to other people</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <source>HITL Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
