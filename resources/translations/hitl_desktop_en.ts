<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationImportReportDialog</name>
    <message numerus="yes">
        <source>%Ln record(s) imported</source>
        <translation>
            <numerusform>%Ln record imported</numerusform>
            <numerusform>%Ln records imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already there</source>
        <translation>
            <numerusform>%Ln already there</numerusform>
            <numerusform>%Ln already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not processed</source>
        <translation>
            <numerusform>%Ln not processed</numerusform>
            <numerusform>%Ln not processed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <source>{name}: %Ln events</source>
        <translation>
            <numerusform>{name}: %Ln event</numerusform>
            <numerusform>{name}: %Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln box(es)</source>
        <translation>
            <numerusform>%Ln box</numerusform>
            <numerusform>%Ln boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation>
            <numerusform>%Ln line read</numerusform>
            <numerusform>%Ln lines read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Preparing to import %Ln file(s)…</source>
        <translation>
            <numerusform>Preparing to import %Ln file…</numerusform>
            <numerusform>Preparing to import %Ln files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln file(s)…</source>
        <translation>
            <numerusform>Importing %Ln file…</numerusform>
            <numerusform>Importing %Ln files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln files to import</source>
        <translation>
            <numerusform>%Ln file to import</numerusform>
            <numerusform>%Ln files to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…and %Ln more</numerusform>
            <numerusform>…and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message numerus="yes">
        <source>Show &amp;problems only (%Ln)</source>
        <translation>
            <numerusform>Show &amp;problems only (%Ln)</numerusform>
            <numerusform>Show &amp;problems only (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message numerus="yes">
        <source>looks like %Ln other items</source>
        <translation>
            <numerusform>looks like %Ln other item</numerusform>
            <numerusform>looks like %Ln other items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message numerus="yes">
        <source>The server refused %n event(s).</source>
        <translation>
            <numerusform>The server refused %n event.</numerusform>
            <numerusform>The server refused %n events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemBrowser</name>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message numerus="yes">
        <source>%Ln box(es)</source>
        <translation>
            <numerusform>%Ln box</numerusform>
            <numerusform>%Ln boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln span</numerusform>
            <numerusform>%Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) running</source>
        <translation>
            <numerusform>%Ln job running</numerusform>
            <numerusform>%Ln jobs running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OcrController</name>
    <message numerus="yes">
        <source>Read the text on all %Ln image(s) and page(s) of the workspace.</source>
        <translation>
            <numerusform>Read the text on the workspace&apos;s %Ln image or page.</numerusform>
            <numerusform>Read the text on all %Ln images and pages of the workspace.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the text on %Ln selected image(s) and page(s).</source>
        <translation>
            <numerusform>Read the text on %Ln selected image or page.</numerusform>
            <numerusform>Read the text on %Ln selected images and pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other selected item(s) will be left out.</source>
        <translation>
            <numerusform>%Ln other selected item will be left out.</numerusform>
            <numerusform>%Ln other selected items will be left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running OCR on %Ln page(s)…</source>
        <translation>
            <numerusform>Running OCR on %Ln page…</numerusform>
            <numerusform>Running OCR on %Ln pages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln page(s)…</source>
        <translation>
            <numerusform>Reading %Ln page…</numerusform>
            <numerusform>Reading %Ln pages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) could not be read:</source>
        <translation>
            <numerusform>%Ln page could not be read:</numerusform>
            <numerusform>%Ln pages could not be read:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OcrLinesEditor</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggested (A accepts)</source>
        <translation>
            <numerusform>%n suggested (A accepts)</numerusform>
            <numerusform>%n suggested (A accepts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n low-confidence</source>
        <translation>
            <numerusform>%n low-confidence</numerusform>
            <numerusform>%n low-confidence</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OcrView</name>
    <message numerus="yes">
        <source>{name}: %Ln lines</source>
        <translation>
            <numerusform>{name}: %Ln line</numerusform>
            <numerusform>{name}: %Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln to check</source>
        <translation>
            <numerusform>, %Ln to check</numerusform>
            <numerusform>, %Ln to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrelabelController</name>
    <message numerus="yes">
        <source>Pre-labelling %Ln item(s)…</source>
        <translation>
            <numerusform>Pre-labelling %Ln item…</numerusform>
            <numerusform>Pre-labelling %Ln items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) could not be pre-labelled:</source>
        <translation>
            <numerusform>%Ln item could not be pre-labelled:</numerusform>
            <numerusform>%Ln items could not be pre-labelled:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrelabelOptionsDialog</name>
    <message numerus="yes">
        <source>%Ln image(s) and page(s) will be pre-labelled.</source>
        <translation>
            <numerusform>%Ln image or page will be pre-labelled.</numerusform>
            <numerusform>%Ln images and pages will be pre-labelled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln text item(s) will be pre-labelled.</source>
        <translation>
            <numerusform>%Ln text item will be pre-labelled.</numerusform>
            <numerusform>%Ln text items will be pre-labelled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvenanceFlowWindow</name>
    <message numerus="yes">
        <source>Retired: %Ln items, kept in the history but left out of the counts.</source>
        <translation>
            <numerusform>Retired: %Ln item, kept in the history but left out of the counts.</numerusform>
            <numerusform>Retired: %Ln items, kept in the history but left out of the counts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln exports could not be read (moved or edited): their items are not counted.</source>
        <translation>
            <numerusform>%Ln export could not be read (moved or edited): its items are not counted.</numerusform>
            <numerusform>%Ln exports could not be read (moved or edited): their items are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvenanceView</name>
    <message numerus="yes">
        <source>{name}: %Ln events. Click one for its details.</source>
        <translation>
            <numerusform>{name}: %Ln event. Click it for its details.</numerusform>
            <numerusform>{name}: %Ln events. Click one for its details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <source>The server refused %n event(s); an admin sees them under Tools → Sync incidents.</source>
        <translation>
            <numerusform>The server refused %n event; an admin sees it under Tools → Sync incidents.</numerusform>
            <numerusform>The server refused %n events; an admin sees them under Tools → Sync incidents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting</source>
        <translation>
            <numerusform>%n event waiting</numerusform>
            <numerusform>%n events waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkPosition</name>
    <message numerus="yes">
        <source>%Ln saved today</source>
        <translation>
            <numerusform>%Ln saved today</numerusform>
            <numerusform>%Ln saved today</numerusform>
        </translation>
    </message>
</context>
</TS>
