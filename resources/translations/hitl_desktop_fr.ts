<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Every imported image, page and text. Type in the search box to filter (tag:NAME, source:NAME); the status column says what is done.</source>
        <translation>Chaque image, page et texte importé. Tapez dans la zone de recherche pour filtrer (tag:NOM, source:NOM) ; la colonne de statut indique ce qui est fait.</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>The open item: draw boxes on pages, mark spans in texts. Ctrl+S saves a revision; Ctrl+Shift+Down goes to the next item to do.</source>
        <translation>L’élément ouvert : tracez des cadres sur les pages, marquez des segments dans les textes. Ctrl+S enregistre une révision ; Ctrl+Maj+Bas passe au prochain élément à faire.</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Pick the label for what you draw; each has a number key.</source>
        <translation>Choisissez l’étiquette de ce que vous tracez ; chacune a une touche numérique.</translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation>Lignes OCR</translation>
    </message>
    <message>
        <source>The text read from the page, line by line: correct it in place.</source>
        <translation>Le texte lu sur la page, ligne par ligne : corrigez-le sur place.</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Barre d’état</translation>
    </message>
    <message>
        <source>Where you are, what runs in the background, and who you are (your role).</source>
        <translation>Où vous en êtes, ce qui tourne en arrière-plan, et qui vous êtes (votre rôle).</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>The labelling instructions and the keyboard shortcuts, always at hand.</source>
        <translation>Les consignes d’annotation et les raccourcis clavier, toujours à portée de main.</translation>
    </message>
</context>
<context>
    <name>AdjudicateDialog</name>
    <message>
        <source>Edit and adjudicate: {item}</source>
        <translation>Corriger et trancher : {item}</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Enregistrer la décision</translation>
    </message>
    <message>
        <source>Label for new shapes</source>
        <translation>Étiquette des nouvelles formes</translation>
    </message>
</context>
<context>
    <name>AnnotationImportController</name>
    <message>
        <source>Import &amp;annotations…</source>
        <translation>Importer des &amp;annotations…</translation>
    </message>
    <message>
        <source>Import annotations made in COCO, Label Studio, YOLO or PaddleOCR, with their images</source>
        <translation>Importer des annotations faites dans COCO, Label Studio, YOLO ou PaddleOCR, avec leurs images</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing annotations</source>
        <translation>Import des annotations</translation>
    </message>
    <message>
        <source>Importing annotations from {name}…</source>
        <translation>Import des annotations de {name}…</translation>
    </message>
    <message>
        <source>Checking records</source>
        <translation>Vérification des enregistrements</translation>
    </message>
    <message>
        <source>Importing images</source>
        <translation>Import des images</translation>
    </message>
    <message>
        <source>Adding annotations</source>
        <translation>Ajout des annotations</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what} : {done} sur {total}</translation>
    </message>
    <message>
        <source>Annotation import failed: {error}</source>
        <translation>L’import des annotations a échoué : {error}</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>The annotation import failed.</source>
        <translation>L’import des annotations a échoué.</translation>
    </message>
</context>
<context>
    <name>AnnotationImportReportDialog</name>
    <message>
        <source>Annotation import report</source>
        <translation>Rapport d’import des annotations</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Nothing was imported: some labels are not in schema {schema}. Rename them, or choose to import them anyway.</source>
        <translation>Rien n’a été importé : certaines étiquettes ne sont pas dans le schéma {schema}. Renommez-les, ou choisissez de les importer quand même.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) imported</source>
        <translation>
            <numerusform>%Ln enregistrement importé</numerusform>
            <numerusform>%Ln enregistrements importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already there</source>
        <translation>
            <numerusform>%Ln déjà présent</numerusform>
            <numerusform>%Ln déjà présents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refusé</numerusform>
            <numerusform>%Ln refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not processed</source>
        <translation>
            <numerusform>%Ln non traité</numerusform>
            <numerusform>%Ln non traités</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Cancelled: {summary}</source>
        <translation>Annulé : {summary}</translation>
    </message>
    <message>
        <source>Labels not in schema {schema}: {labels}</source>
        <translation>Étiquettes absentes du schéma {schema} : {labels}</translation>
    </message>
</context>
<context>
    <name>AnswerPane</name>
    <message>
        <source>{n} annotations</source>
        <translation>{n} annotations</translation>
    </message>
    <message>
        <source>review decision: {d}</source>
        <translation>décision de revue : {d}</translation>
    </message>
    <message>
        <source>models: {m}</source>
        <translation>modèles : {m}</translation>
    </message>
    <message>
        <source>class: {c}</source>
        <translation>classe : {c}</translation>
    </message>
    <message>
        <source>No second answer</source>
        <translation>Pas de seconde réponse</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>ClassificationPanel</name>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Accept suggested class</source>
        <translation>Accepter la classe suggérée</translation>
    </message>
    <message>
        <source>Clear class</source>
        <translation>Effacer la classe</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Suggested: {labels} ({score}) by {model}</source>
        <translation>Suggéré : {labels} ({score}) par {model}</translation>
    </message>
    <message>
        <source>No labels yet: the item&apos;s label set has none.</source>
        <translation>Pas encore d’étiquettes : le jeu d’étiquettes de l’élément n’en a aucune.</translation>
    </message>
    <message>
        <source>No suggested class to accept.</source>
        <translation>Aucune classe suggérée à accepter.</translation>
    </message>
</context>
<context>
    <name>DashboardMenu</name>
    <message>
        <source>&amp;Dashboard…</source>
        <translation>&amp;Tableau de bord…</translation>
    </message>
    <message>
        <source>Drift, model corrections, agreement and throughput over time</source>
        <translation>Dérive, corrections des modèles, accord et débit au fil du temps</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Days in the current window</source>
        <translation>Jours dans la fenêtre actuelle</translation>
    </message>
    <message>
        <source>Days in the reference window before it</source>
        <translation>Jours dans la fenêtre de référence qui la précède</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>All people</source>
        <translation>Toutes les personnes</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Tous les modèles</translation>
    </message>
    <message>
        <source>Correction rates of the suggestions with this label</source>
        <translation>Taux de correction des suggestions portant cette étiquette</translation>
    </message>
    <message>
        <source>Only this person&apos;s answers, decisions and events</source>
        <translation>Seulement les réponses, décisions et événements de cette personne</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Current days:</source>
        <translation>Jours actuels :</translation>
    </message>
    <message>
        <source>Reference days:</source>
        <translation>Jours de référence :</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Étiquette :</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Personne :</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Correction rate per model version</source>
        <translation>Taux de correction par version de modèle</translation>
    </message>
    <message>
        <source>Label distribution: reference and current</source>
        <translation>Répartition des étiquettes : référence et actuelle</translation>
    </message>
    <message>
        <source>Input drift (PSI per import statistic)</source>
        <translation>Dérive des entrées (PSI par statistique d’import)</translation>
    </message>
    <message>
        <source>Vocabulary drift</source>
        <translation>Dérive du vocabulaire</translation>
    </message>
    <message>
        <source>Model against adjudicated answers</source>
        <translation>Modèle face aux réponses arbitrées</translation>
    </message>
    <message>
        <source>Agreement between annotators, per week</source>
        <translation>Accord entre annotateurs, par semaine</translation>
    </message>
    <message>
        <source>Answers per person and day</source>
        <translation>Réponses par personne et par jour</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Chronologie des événements</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
        <source>Cancelled; the figures shown are the previous ones.</source>
        <translation>Annulé ; les indicateurs affichés sont les précédents.</translation>
    </message>
    <message>
        <source>Could not compute the figures: {reason}</source>
        <translation>Impossible de calculer les indicateurs : {reason}</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>&amp;Next item</source>
        <translation>Élément &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation>Élément &amp;précédent</translation>
    </message>
    <message>
        <source>Next item &amp;to do</source>
        <translation>Prochain élément à &amp;faire</translation>
    </message>
    <message>
        <source>Image editor</source>
        <translation>Éditeur d’images</translation>
    </message>
    <message>
        <source>Text editor</source>
        <translation>Éditeur de texte</translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation>Lignes OCR</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Select an item to annotate it.</source>
        <translation>Sélectionnez un élément pour l’annoter.</translation>
    </message>
    <message>
        <source>This item holds other items (pages or rows); select one of them.</source>
        <translation>Cet élément contient d’autres éléments (pages ou lignes) ; sélectionnez-en un.</translation>
    </message>
</context>
<context>
    <name>DeviceLabel</name>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Device: {device}</source>
        <translation>Processeur : {device}</translation>
    </message>
    <message>
        <source>Where OCR and models run. {note}</source>
        <translation>Là où tournent l’OCR et les modèles. {note}</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>Automatic (the GPU when usable)</source>
        <translation>Automatique (le GPU s’il est utilisable)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Where the models run; without a usable GPU the CPU is used, and said so</source>
        <translation>Là où tournent les modèles ; sans GPU utilisable, le CPU est utilisé, et c’est signalé</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Save item</source>
        <translation>&amp;Enregistrer l’élément</translation>
    </message>
    <message>
        <source>Unsaved edits of this item from an earlier session are back.</source>
        <translation>Les modifications non enregistrées de cet élément lors d’une session précédente sont restaurées.</translation>
    </message>
    <message>
        <source>This workspace is open read-only; edits cannot be saved.</source>
        <translation>Cet espace de travail est ouvert en lecture seule ; les modifications ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <source>Could not keep a draft: {error}</source>
        <translation>Impossible de conserver un brouillon : {error}</translation>
    </message>
    <message>
        <source>Saving failed: {error}</source>
        <translation>Échec de l’enregistrement : {error}</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Annuler {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Rétablir {edit}</translation>
    </message>
</context>
<context>
    <name>EditName</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Accept pre-labels</source>
        <translation>Accepter les pré-étiquettes</translation>
    </message>
    <message>
        <source>Accept all pre-labels</source>
        <translation>Accepter toutes les pré-étiquettes</translation>
    </message>
    <message>
        <source>Accept suggested class</source>
        <translation>Accepter la classe suggérée</translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation>Récupérer les modifications non enregistrées</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionner</translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation>Déplacer le sommet</translation>
    </message>
    <message>
        <source>Edit transcription</source>
        <translation>Modifier la transcription</translation>
    </message>
    <message>
        <source>Reorder lines</source>
        <translation>Réordonner les lignes</translation>
    </message>
    <message>
        <source>Clear class</source>
        <translation>Effacer la classe</translation>
    </message>
    <message>
        <source>Page checked</source>
        <translation>Page vérifiée</translation>
    </message>
    <message>
        <source>Page unchecked</source>
        <translation>Page non vérifiée</translation>
    </message>
    <message>
        <source>Re-recognise boxes</source>
        <translation>Relire les cadres</translation>
    </message>
    <message>
        <source>Label as &apos;%1&apos;</source>
        <translation>Étiqueter comme « %1 »</translation>
    </message>
    <message>
        <source>Label span &apos;%1&apos;</source>
        <translation>Étiqueter le segment « %1 »</translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation>Classe : %1</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Définir %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export dataset</source>
        <translation>Exporter le jeu de données</translation>
    </message>
    <message>
        <source>Adjudicated answers only</source>
        <translation>Réponses arbitrées seulement</translation>
    </message>
    <message>
        <source>Latest revision of each item</source>
        <translation>Dernière révision de chaque élément</translation>
    </message>
    <message>
        <source>One annotator&apos;s revisions</source>
        <translation>Révisions d&apos;un annotateur</translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation>Nom de l&apos;annotateur</translation>
    </message>
    <message>
        <source>e.g. 80/10/10 (empty: no split)</source>
        <translation>p. ex. 80/10/10 (vide : pas de découpage)</translation>
    </message>
    <message>
        <source>Include retired items</source>
        <translation>Inclure les éléments retirés</translation>
    </message>
    <message>
        <source>Blur regions flagged for redaction</source>
        <translation>Flouter les zones marquées à masquer</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>Un dossier nouveau ou vide</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Révisions</translation>
    </message>
    <message>
        <source>Train/val/test split</source>
        <translation>Découpage entraînement/validation/test</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>COCO instances JSON (boxes, polygons)</source>
        <translation>JSON d&apos;instances COCO (boîtes, polygones)</translation>
    </message>
    <message>
        <source>YOLO labels and data.yaml (YOLO-seg when polygons are present)</source>
        <translation>Étiquettes YOLO et data.yaml (YOLO-seg s&apos;il y a des polygones)</translation>
    </message>
    <message>
        <source>Pascal VOC XML per image</source>
        <translation>XML Pascal VOC par image</translation>
    </message>
    <message>
        <source>PaddleOCR Label.txt and rec_gt.txt with line crops</source>
        <translation>Label.txt et rec_gt.txt PaddleOCR avec les lignes découpées</translation>
    </message>
    <message>
        <source>Label Studio tasks with annotations and predictions</source>
        <translation>Tâches Label Studio avec annotations et prédictions</translation>
    </message>
    <message>
        <source>JSON Lines: class labels and spans</source>
        <translation>JSON Lines : classes et segments de texte</translation>
    </message>
    <message>
        <source>CoNLL-2003 BIO tags of the spans</source>
        <translation>Étiquettes BIO CoNLL-2003 des segments</translation>
    </message>
    <message>
        <source>CSV, one annotation a row</source>
        <translation>CSV, une annotation par ligne</translation>
    </message>
    <message>
        <source>Type the annotator&apos;s name</source>
        <translation>Saisissez le nom de l&apos;annotateur</translation>
    </message>
    <message>
        <source>Choose the folder to export to</source>
        <translation>Choisissez le dossier d&apos;export</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Annuler l&apos;export</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Exported {items} item(s) and {anns} annotation(s) to {folder}; manifest {manifest}. {notes} note(s) in MANIFEST.json.</source>
        <translation>{items} élément(s) et {anns} annotation(s) exportés vers {folder} ; manifeste {manifest}. {notes} remarque(s) dans MANIFEST.json.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>Export annulé ; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Échec de l&apos;export : {error}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>HITL Desktop: first start</source>
        <translation>HITL Desktop : premier démarrage</translation>
    </message>
</context>
<context>
    <name>HelpPane</name>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>_No instructions: this item&apos;s label schema has none, or none is published yet._</source>
        <translation>_Pas de consignes : le schéma d’étiquettes de cet élément n’en a pas, ou aucun n’est encore publié._</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Item history</source>
        <translation>Historique de l’élément</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Select an item to see its history.</source>
        <translation>Sélectionnez un élément pour voir son historique.</translation>
    </message>
    <message>
        <source>{name}: 1 event</source>
        <translation>{name} : 1 événement</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln events</source>
        <translation>
            <numerusform>{name} : %Ln événement</numerusform>
            <numerusform>{name} : %Ln événements</numerusform>
        </translation>
    </message>
    <message>
        <source>{actor} ({role})</source>
        <translation>{actor} ({role})</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signé</translation>
    </message>
    <message>
        <source>covered by its batch&apos;s signature</source>
        <translation>couvert par la signature de son lot</translation>
    </message>
    <message>
        <source>{type}
event {hash}
device {device} #{seq}
{signed}</source>
        <translation>{type}
événement {hash}
appareil {device} n° {seq}
{signed}</translation>
    </message>
    <message>
        <source>{label} ({score})</source>
        <translation>{label} ({score})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform>
            <numerusform>%Ln segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln box(es)</source>
        <translation>
            <numerusform>%Ln cadre</numerusform>
            <numerusform>%Ln cadres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation>
            <numerusform>%Ln ligne lue</numerusform>
            <numerusform>%Ln lignes lues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageEditor</name>
    <message>
        <source>Image editor</source>
        <translation>Éditeur d’images</translation>
    </message>
    <message>
        <source>Select tool</source>
        <translation>Outil de sélection</translation>
    </message>
    <message>
        <source>Box tool</source>
        <translation>Outil cadre</translation>
    </message>
    <message>
        <source>Polygon tool</source>
        <translation>Outil polygone</translation>
    </message>
    <message>
        <source>Point tool</source>
        <translation>Outil point</translation>
    </message>
    <message>
        <source>Accept pre-labels (selected, or all)</source>
        <translation>Accepter les pré-étiquettes (sélectionnées, ou toutes)</translation>
    </message>
    <message>
        <source>Delete selected shapes</source>
        <translation>Supprimer les formes sélectionnées</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Ajuster à la page</translation>
    </message>
    <message>
        <source>Actual size (100 %)</source>
        <translation>Taille réelle (100 %)</translation>
    </message>
    <message>
        <source>The page image is {w} x {h} pixels but the item records {rw} x {rh}.</source>
        <translation>L’image de la page fait {w} x {h} pixels mais l’élément indique {rw} x {rh}.</translation>
    </message>
    <message>
        <source>The page cannot be shown: {error}</source>
        <translation>La page ne peut pas être affichée : {error}</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>loading page…</source>
        <translation>chargement de la page…</translation>
    </message>
    <message>
        <source>{tool} · label: {label} · {n} shapes, {s} pre-labels · {zoom:.0f} %</source>
        <translation>{tool} · étiquette : {label} · {n} formes, {s} pré-étiquettes · {zoom:.0f} %</translation>
    </message>
    <message>
        <source>Choose a label first (keys 1-9).</source>
        <translation>Choisissez d’abord une étiquette (touches 1-9).</translation>
    </message>
    <message>
        <source>A polygon needs at least 3 points.</source>
        <translation>Un polygone nécessite au moins 3 points.</translation>
    </message>
</context>
<context>
    <name>ImportAnnotationsDialog</name>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>COCO JSON</source>
        <translation>COCO JSON</translation>
    </message>
    <message>
        <source>Label Studio JSON (tasks export)</source>
        <translation>Label Studio JSON (export des tâches)</translation>
    </message>
    <message>
        <source>YOLO dataset (data.yaml or classes.txt)</source>
        <translation>Jeu de données YOLO (data.yaml ou classes.txt)</translation>
    </message>
    <message>
        <source>PaddleOCR detection labels (Label.txt)</source>
        <translation>Étiquettes de détection PaddleOCR (Label.txt)</translation>
    </message>
    <message>
        <source>The annotation file</source>
        <translation>Le fichier d’annotations</translation>
    </message>
    <message>
        <source>Default: beside the annotation file</source>
        <translation>Par défaut : à côté du fichier d’annotations</translation>
    </message>
    <message>
        <source>As &amp;annotations by:</source>
        <translation>Comme &amp;annotations de :</translation>
    </message>
    <message>
        <source>As &amp;pre-labels (suggestions to accept)</source>
        <translation>Comme &amp;pré-étiquettes (suggestions à accepter)</translation>
    </message>
    <message>
        <source>Label Studio files keep each annotation&apos;s author</source>
        <translation>Les fichiers Label Studio gardent l’auteur de chaque annotation</translation>
    </message>
    <message>
        <source>old=new, other=new</source>
        <translation>ancien=nouveau, autre=nouveau</translation>
    </message>
    <message>
        <source>Import labels the schema lacks (they are listed)</source>
        <translation>Importer les étiquettes absentes du schéma (elles sont listées)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ichier :</translation>
    </message>
    <message>
        <source>I&amp;mages folder:</source>
        <translation>Dossier des i&amp;mages :</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>Importer :</translation>
    </message>
    <message>
        <source>&amp;Rename labels:</source>
        <translation>&amp;Renommer les étiquettes :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Annotation file</source>
        <translation>Fichier d’annotations</translation>
    </message>
    <message>
        <source>Images folder</source>
        <translation>Dossier des images</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} n’existe pas</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} n’est pas un dossier</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so nothing can be imported into it.</source>
        <translation>Cet espace de travail est ouvert en lecture seule : rien ne peut y être importé.</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation>Une importation est déjà en cours ; attendez qu’elle se termine.</translation>
    </message>
    <message numerus="yes">
        <source>Preparing to import %Ln file(s)…</source>
        <translation>
            <numerusform>Préparation de l’importation de %Ln fichier…</numerusform>
            <numerusform>Préparation de l’importation de %Ln fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Annulation de l’importation…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln file(s)…</source>
        <translation>
            <numerusform>Importation de %Ln fichier…</numerusform>
            <numerusform>Importation de %Ln fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>{progress} — {name}</source>
        <translation>{progress} — {name}</translation>
    </message>
    <message>
        <source>Importing… {progress}</source>
        <translation>Importation… {progress}</translation>
    </message>
    <message>
        <source>Import failed: {error}</source>
        <translation>Échec de l’importation : {error}</translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation>L’importation a échoué.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>1 file to import</source>
        <translation>1 fichier à importer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files to import</source>
        <translation>
            <numerusform>%Ln fichier à importer</numerusform>
            <numerusform>%Ln fichiers à importer</numerusform>
        </translation>
    </message>
    <message>
        <source>No files found to import.</source>
        <translation>Aucun fichier à importer.</translation>
    </message>
    <message>
        <source>from {folder}</source>
        <translation>depuis {folder}</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…et %Ln autre</numerusform>
            <numerusform>…et %Ln autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Where the files come from (required)</source>
        <translation>D’où viennent les fichiers (obligatoire)</translation>
    </message>
    <message>
        <source>Items from the same source and path are recognised when imported again</source>
        <translation>Les éléments de même source et de même chemin sont reconnus lors d’une nouvelle importation</translation>
    </message>
    <message>
        <source>Who collected them</source>
        <translation>Qui les a collectés</translation>
    </message>
    <message>
        <source>Scanner, camera or phone</source>
        <translation>Scanner, appareil photo ou téléphone</translation>
    </message>
    <message>
        <source>For example CC BY 4.0, or research only</source>
        <translation>Par exemple CC BY 4.0, ou recherche uniquement</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Yes, consent was given</source>
        <translation>Oui, le consentement a été donné</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Pas de consentement</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Visages</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>Finances</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. invoices, 2026, batch-12</source>
        <translation>Séparés par des virgules, p. ex. factures, 2026, lot-12</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source :</translation>
    </message>
    <message>
        <source>&amp;Collector:</source>
        <translation>&amp;Collecteur :</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Appareil :</translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation>&amp;Licence :</translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation>C&amp;onsentement :</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Confidentialité :</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes d’import :</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> ppp</translation>
    </message>
    <message>
        <source>Resolution at which PDF pages are rendered</source>
        <translation>Résolution de rendu des pages PDF</translation>
    </message>
    <message>
        <source>Guessed (name or 0-based index)</source>
        <translation>Deviné (nom ou indice à partir de 0)</translation>
    </message>
    <message>
        <source>“text” or the first text field</source>
        <translation>« text » ou le premier champ texte</translation>
    </message>
    <message>
        <source>&amp;PDF pages at:</source>
        <translation>Pages &amp;PDF à :</translation>
    </message>
    <message>
        <source>CSV/TSV text co&amp;lumn:</source>
        <translation>Co&amp;lonne de texte CSV/TSV :</translation>
    </message>
    <message>
        <source>&amp;JSONL field:</source>
        <translation>Champ &amp;JSONL :</translation>
    </message>
    <message>
        <source>Choose files and name their source to import</source>
        <translation>Choisissez des fichiers et indiquez leur source pour les importer</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Rapport d’importation</translation>
    </message>
    <message numerus="yes">
        <source>Show &amp;problems only (%Ln)</source>
        <translation>
            <numerusform>Afficher seulement les &amp;problèmes (%Ln)</numerusform>
            <numerusform>Afficher seulement les &amp;problèmes (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show &amp;problems only (1)</source>
        <translation>Afficher seulement les &amp;problèmes (1)</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>{n} imported ({items})</source>
        <translation>{n} importés ({items})</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 élément</translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} duplicate</source>
        <translation>{n} en double</translation>
    </message>
    <message>
        <source>{n} new sightings</source>
        <translation>{n} nouvelles occurrences</translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation>{n} refusés</translation>
    </message>
    <message>
        <source>{n} not processed</source>
        <translation>{n} non traités</translation>
    </message>
    <message>
        <source>{n} flagged as near-duplicates</source>
        <translation>{n} signalés comme quasi-doublons</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Cancelled: {summary}</source>
        <translation>Annulé : {summary}</translation>
    </message>
    <message>
        <source>Save import report</source>
        <translation>Enregistrer le rapport d’importation</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Pages/rows</source>
        <translation>Pages/lignes</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>New sighting</source>
        <translation>Nouvelle occurrence</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Not processed</source>
        <translation>Non traité</translation>
    </message>
    <message>
        <source>looks like 1 other item</source>
        <translation>ressemble à 1 autre élément</translation>
    </message>
    <message numerus="yes">
        <source>looks like %Ln other items</source>
        <translation>
            <numerusform>ressemble à %Ln autre élément</numerusform>
            <numerusform>ressemble à %Ln autres éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>Sync incidents</source>
        <translation>Incidents de synchronisation</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Refused events</source>
        <translation>Événements refusés</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n event(s).</source>
        <translation>
            <numerusform>Le serveur a refusé %n événement.</numerusform>
            <numerusform>Le serveur a refusé %n événements.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has refused no event.</source>
        <translation>Le serveur n’a refusé aucun événement.</translation>
    </message>
    <message>
        <source>Could not read the incidents: {reason}</source>
        <translation>Impossible de lire les incidents : {reason}</translation>
    </message>
</context>
<context>
    <name>ItemBrowser</name>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>Show only items with this status</source>
        <translation>Afficher seulement les éléments de ce statut</translation>
    </message>
    <message>
        <source>All but retired</source>
        <translation>Tous sauf retirés</translation>
    </message>
    <message>
        <source>Everything, including retired</source>
        <translation>Tout, y compris les retirés</translation>
    </message>
    <message>
        <source>Search items</source>
        <translation>Rechercher des éléments</translation>
    </message>
    <message>
        <source>Search names and sources…</source>
        <translation>Rechercher dans les noms et les sources…</translation>
    </message>
    <message>
        <source>Case-insensitive; matches part of a name or source.
tag:NAME keeps items imported with that tag; source:NAME those of one source.</source>
        <translation>Insensible à la casse ; trouve une partie d’un nom ou d’une source.
tag:NOM garde les éléments importés avec cette étiquette ; source:NOM ceux d’une source.</translation>
    </message>
    <message>
        <source>&amp;Doubtful</source>
        <translation>&amp;Douteux</translation>
    </message>
    <message>
        <source>Only items whose latest suggestion scored under {score}</source>
        <translation>Seulement les éléments dont la dernière suggestion a un score inférieur à {score}</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Les miens</translation>
    </message>
    <message>
        <source>Only items assigned to you</source>
        <translation>Seulement les éléments qui vous sont attribués</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <source>Item list</source>
        <translation>Liste des éléments</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 élément</translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>No items match the filter.</source>
        <translation>Aucun élément ne correspond au filtre.</translation>
    </message>
    <message>
        <source>This workspace has no items yet.</source>
        <translation>Cet espace de travail n’a encore aucun élément.</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>Annoté</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Relu</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>{label} {score}</source>
        <translation>{label} {score}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln box(es)</source>
        <translation>
            <numerusform>%Ln cadre</numerusform>
            <numerusform>%Ln cadres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform>
            <numerusform>%Ln segments</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>rien trouvé</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 octet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}
{media_type}
id {id}</source>
        <translation>{name}
{media_type}
id {id}</translation>
    </message>
    <message>
        <source>No model has suggested anything for this item yet</source>
        <translation>Aucun modèle n’a encore rien suggéré pour cet élément</translation>
    </message>
    <message>
        <source>Suggested by {model}</source>
        <translation>Suggéré par {model}</translation>
    </message>
    <message>
        <source>Low confidence: check this one</source>
        <translation>Confiance faible : à vérifier</translation>
    </message>
</context>
<context>
    <name>LabelDock</name>
    <message>
        <source>Add a label…</source>
        <translation>Ajouter une étiquette…</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>Label palette</source>
        <translation>Palette d’étiquettes</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Label {n}</source>
        <translation>Étiquette {n}</translation>
    </message>
    <message>
        <source>{label} (key {n})</source>
        <translation>{label} (touche {n})</translation>
    </message>
    <message>
        <source>Label {label}</source>
        <translation>Étiquette {label}</translation>
    </message>
</context>
<context>
    <name>LogTools</name>
    <message>
        <source>Verifying the log…</source>
        <translation>Vérification du journal…</translation>
    </message>
    <message>
        <source>Verifying the log… {pct}%</source>
        <translation>Vérification du journal… {pct} %</translation>
    </message>
    <message>
        <source>Verify log: OK. {events} events from {devices} device(s) verify; {signatures} signatures checked.</source>
        <translation>Vérification du journal : OK. {events} événements de {devices} appareil(s) sont valides ; {signatures} signatures contrôlées.</translation>
    </message>
    <message>
        <source>Verify log: FAILED. {n} problem(s) in {events} events.</source>
        <translation>Vérification du journal : ÉCHEC. {n} problème(s) dans {events} événements.</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…et {n} de plus.</translation>
    </message>
    <message>
        <source>Verify log</source>
        <translation>Vérifier le journal</translation>
    </message>
    <message>
        <source>Replaying the log into the projections…</source>
        <translation>Rejeu du journal dans les projections…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Rebuild projections</source>
        <translation>Reconstruire les projections</translation>
    </message>
    <message>
        <source>Cancelling the rebuild…</source>
        <translation>Annulation de la reconstruction…</translation>
    </message>
    <message>
        <source>Rebuilding projections…</source>
        <translation>Reconstruction des projections…</translation>
    </message>
    <message>
        <source>Rebuilt projections from {events} events: identical.</source>
        <translation>Projections reconstruites à partir de {events} événements : identiques.</translation>
    </message>
    <message>
        <source>Rebuilt projections from {events} events: {tables} changed.</source>
        <translation>Projections reconstruites à partir de {events} événements : {tables} modifiées.</translation>
    </message>
    <message>
        <source>The projections kept incrementally differed from a full replay of the log; the replayed ones are now in use.</source>
        <translation>Les projections tenues à jour pas à pas différaient d’un rejeu complet du journal ; les projections rejouées sont désormais utilisées.</translation>
    </message>
    <message>
        <source>Rebuild cancelled; the projections are unchanged.</source>
        <translation>Reconstruction annulée ; les projections sont inchangées.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>Échec : {error}</translation>
    </message>
    <message>
        <source>HITL Desktop</source>
        <translation>HITL Desktop</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation>Lignes OCR</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import images, scans, PDFs and text files with their provenance</source>
        <translation>Importer images, numérisations, PDF et fichiers texte avec leur provenance</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>Import every file in a folder and its subfolders</source>
        <translation>Importer tous les fichiers d’un dossier et de ses sous-dossiers</translation>
    </message>
    <message>
        <source>&amp;Export dataset…</source>
        <translation>&amp;Exporter le jeu de données…</translation>
    </message>
    <message>
        <source>Write the annotations in a training format, with a manifest</source>
        <translation>Écrire les annotations dans un format d&apos;entraînement, avec un manifeste</translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation>&amp;Profil…</translation>
    </message>
    <message>
        <source>Your name and role</source>
        <translation>Votre nom et votre rôle</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Find items</source>
        <translation>&amp;Rechercher des éléments</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;OCR</source>
        <translation>&amp;OCR</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>A&amp;nnoter</translation>
    </message>
    <message>
        <source>&amp;Verify log</source>
        <translation>&amp;Vérifier le journal</translation>
    </message>
    <message>
        <source>Check every event&apos;s hash, chain and signature</source>
        <translation>Contrôler l’empreinte, le chaînage et la signature de chaque événement</translation>
    </message>
    <message>
        <source>&amp;Rebuild projections…</source>
        <translation>&amp;Reconstruire les projections…</translation>
    </message>
    <message>
        <source>Replay the whole log into fresh tables</source>
        <translation>Rejouer tout le journal dans des tables neuves</translation>
    </message>
    <message>
        <source>&amp;Publish schema…</source>
        <translation>&amp;Publier le schéma…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Relecture</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Publish a label schema file (JSON or YAML) as its next version</source>
        <translation>Publier un fichier de schéma d’étiquettes (JSON ou YAML) comme sa prochaine version</translation>
    </message>
    <message>
        <source>&amp;Label schema…</source>
        <translation>&amp;Schéma d&apos;étiquettes…</translation>
    </message>
    <message>
        <source>Edit the label schema, publish its next version, see its history</source>
        <translation>Modifier le schéma d&apos;étiquettes, publier sa version suivante, voir son historique</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>&amp;About HITL Desktop</source>
        <translation>À &amp;propos de HITL Desktop</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Keyboard cheat sheet</source>
        <translation>Aide-mémoire du &amp;clavier</translation>
    </message>
    <message>
        <source>Edit &amp;shortcuts…</source>
        <translation>Modifier les &amp;raccourcis…</translation>
    </message>
    <message>
        <source>Help &amp;pane</source>
        <translation>&amp;Panneau d’aide</translation>
    </message>
    <message>
        <source>&amp;Tour</source>
        <translation>&amp;Visite guidée</translation>
    </message>
    <message>
        <source>A short walk through the window</source>
        <translation>Une courte visite de la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>You are now {name} ({role}).</source>
        <translation>Vous êtes maintenant {name} ({role}).</translation>
    </message>
    <message>
        <source>Needs the workspace open for writing</source>
        <translation>Nécessite l’espace de travail ouvert en écriture</translation>
    </message>
    <message>
        <source>Another program is writing to this workspace, so it opened read-only.</source>
        <translation>Un autre programme écrit dans cet espace de travail : il a été ouvert en lecture seule.</translation>
    </message>
    <message>
        <source>{name} — HITL Desktop</source>
        <translation>{name} — HITL Desktop</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[lecture seule]</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 élément</translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 événement</translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message>
        <source>signing as {id}</source>
        <translation>signature en tant que {id}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) running</source>
        <translation>
            <numerusform>%Ln tâche en cours</numerusform>
            <numerusform>%Ln tâches en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>Every item in the list is done.</source>
        <translation>Tous les éléments de la liste sont faits.</translation>
    </message>
    <message>
        <source>Publish schema</source>
        <translation>Publier le schéma</translation>
    </message>
    <message>
        <source>Label schemas (*.json *.yaml *.yml)</source>
        <translation>Schémas d’étiquettes (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Published {ref}: {mapped} item(s) mapped, {flagged} flagged for re-check.</source>
        <translation>{ref} publié : {mapped} élément(s) converti(s), {flagged} signalé(s) à revérifier.</translation>
    </message>
    <message>
        <source>publish schema</source>
        <translation>publier le schéma</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <source>Wait for the running job to finish, then open the workspace.</source>
        <translation>Attendez la fin de la tâche en cours, puis ouvrez l’espace de travail.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HITL Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline-first human-in-the-loop labelling. Every change is an event in a hash-chained, signed lineage log.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HITL Desktop {version}&lt;/h3&gt;&lt;p&gt;Annotation avec humain dans la boucle, hors ligne d’abord. Chaque modification est un événement d’un journal de lignage signé et chaîné par empreintes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About HITL Desktop</source>
        <translation>À propos de HITL Desktop</translation>
    </message>
    <message>
        <source>HITL Desktop</source>
        <translation>HITL Desktop</translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation>&amp;Analyses</translation>
    </message>
</context>
<context>
    <name>MakingPage</name>
    <message>
        <source>Getting your workspace ready</source>
        <translation>Préparation de votre espace de travail</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Ready: {path}. Press Finish to start.</source>
        <translation>Prêt : {path}. Appuyez sur Terminer pour commencer.</translation>
    </message>
    <message>
        <source>Could not make the workspace: {error}. Go back to choose again.</source>
        <translation>Impossible de créer l’espace de travail : {error}. Revenez en arrière pour choisir à nouveau.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Publish {ref}</source>
        <translation>Publier {ref}</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Note de modification</translation>
    </message>
    <message>
        <source>What changed and why (workers see it in history)</source>
        <translation>Ce qui a changé et pourquoi (les annotateurs le voient dans l’historique)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Change note:</source>
        <translation>Note de modification :</translation>
    </message>
</context>
<context>
    <name>OcrController</name>
    <message>
        <source>Run OCR</source>
        <translation>Lancer l’OCR</translation>
    </message>
    <message>
        <source>Run OCR on &amp;selected items…</source>
        <translation>Lancer l’OCR sur les éléments &amp;sélectionnés…</translation>
    </message>
    <message>
        <source>Run OCR on &amp;all pages…</source>
        <translation>Lancer l’OCR sur &amp;toutes les pages…</translation>
    </message>
    <message>
        <source>A usable GPU was found.</source>
        <translation>Un GPU utilisable a été trouvé.</translation>
    </message>
    <message>
        <source>Read the text on the selected images and pages</source>
        <translation>Lire le texte des images et pages sélectionnées</translation>
    </message>
    <message>
        <source>Read the text on every image and page of the workspace</source>
        <translation>Lire le texte de chaque image et page de l’espace de travail</translation>
    </message>
    <message>
        <source>Needs the workspace open for writing</source>
        <translation>Nécessite l’espace de travail ouvert en écriture</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so OCR results cannot be recorded.</source>
        <translation>Cet espace de travail est ouvert en lecture seule : les résultats de l’OCR ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>Another job is running; wait for it to finish.</source>
        <translation>Une autre tâche est en cours ; attendez qu’elle se termine.</translation>
    </message>
    <message>
        <source>Select the images or pages to read first.</source>
        <translation>Sélectionnez d’abord les images ou pages à lire.</translation>
    </message>
    <message>
        <source>This workspace has no images or pages to read.</source>
        <translation>Cet espace de travail n’a aucune image ni page à lire.</translation>
    </message>
    <message>
        <source>None of the selected items is an image or a page.</source>
        <translation>Aucun des éléments sélectionnés n’est une image ou une page.</translation>
    </message>
    <message numerus="yes">
        <source>Read the text on all %Ln image(s) and page(s) of the workspace.</source>
        <translation>
            <numerusform>Lire le texte de %Ln image ou page de l’espace de travail.</numerusform>
            <numerusform>Lire le texte des %Ln images et pages de l’espace de travail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the text on %Ln selected image(s) and page(s).</source>
        <translation>
            <numerusform>Lire le texte de %Ln image ou page sélectionnée.</numerusform>
            <numerusform>Lire le texte de %Ln images et pages sélectionnées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other selected item(s) will be left out.</source>
        <translation>
            <numerusform>%Ln autre élément sélectionné sera laissé de côté.</numerusform>
            <numerusform>%Ln autres éléments sélectionnés seront laissés de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running OCR</source>
        <translation>OCR en cours</translation>
    </message>
    <message>
        <source>Starting the OCR engine…</source>
        <translation>Démarrage du moteur OCR…</translation>
    </message>
    <message>
        <source>Cancelling OCR after the page being read…</source>
        <translation>Annulation de l’OCR après la page en cours de lecture…</translation>
    </message>
    <message numerus="yes">
        <source>Running OCR on %Ln page(s)…</source>
        <translation>
            <numerusform>OCR en cours sur %Ln page…</numerusform>
            <numerusform>OCR en cours sur %Ln pages…</numerusform>
        </translation>
    </message>
    <message>
        <source>Running OCR…</source>
        <translation>OCR en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln page(s)…</source>
        <translation>
            <numerusform>Lecture de %Ln page…</numerusform>
            <numerusform>Lecture de %Ln pages…</numerusform>
        </translation>
    </message>
    <message>
        <source>The last OCR run used this device.</source>
        <translation>La dernière exécution de l’OCR a utilisé ce processeur.</translation>
    </message>
    <message>
        <source>{summary}. {notice}</source>
        <translation>{summary}. {notice}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) could not be read:</source>
        <translation>
            <numerusform>%Ln page n’a pas pu être lue :</numerusform>
            <numerusform>%Ln pages n’ont pas pu être lues :</numerusform>
        </translation>
    </message>
    <message>
        <source>OCR failed: {error}</source>
        <translation>Échec de l’OCR : {error}</translation>
    </message>
    <message>
        <source>OCR failed.</source>
        <translation>L’OCR a échoué.</translation>
    </message>
</context>
<context>
    <name>OcrLinesEditor</name>
    <message>
        <source>OCR lines editor</source>
        <translation>Éditeur des lignes OCR</translation>
    </message>
    <message>
        <source>OCR lines</source>
        <translation>Lignes OCR</translation>
    </message>
    <message>
        <source>Accept selected OCR lines</source>
        <translation>Accepter les lignes OCR sélectionnées</translation>
    </message>
    <message>
        <source>Accept all OCR lines</source>
        <translation>Accepter toutes les lignes OCR</translation>
    </message>
    <message>
        <source>Move line up in reading order</source>
        <translation>Monter la ligne dans l’ordre de lecture</translation>
    </message>
    <message>
        <source>Move line down in reading order</source>
        <translation>Descendre la ligne dans l’ordre de lecture</translation>
    </message>
    <message>
        <source>Re-recognise selected boxes</source>
        <translation>Relire les cadres sélectionnés</translation>
    </message>
    <message>
        <source>Page checked</source>
        <translation>Page vérifiée</translation>
    </message>
    <message>
        <source>Open an image or page to see its OCR lines.</source>
        <translation>Ouvrez une image ou une page pour voir ses lignes OCR.</translation>
    </message>
    <message>
        <source>✔ Page checked</source>
        <translation>✔ Page vérifiée</translation>
    </message>
    <message>
        <source>Not checked (Ctrl+Enter when done)</source>
        <translation>Non vérifiée (Ctrl+Entrée une fois terminé)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggested (A accepts)</source>
        <translation>
            <numerusform>%n suggérée (A accepte)</numerusform>
            <numerusform>%n suggérées (A accepte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n low-confidence</source>
        <translation>
            <numerusform>%n de faible confiance</numerusform>
            <numerusform>%n de faible confiance</numerusform>
        </translation>
    </message>
    <message>
        <source>re-recognising…</source>
        <translation>relecture…</translation>
    </message>
    <message>
        <source>Select suggested (grey) lines to accept.</source>
        <translation>Sélectionnez les lignes suggérées (en gris) à accepter.</translation>
    </message>
    <message>
        <source>No suggested OCR lines to accept.</source>
        <translation>Aucune ligne OCR suggérée à accepter.</translation>
    </message>
    <message>
        <source>Select accepted lines to move.</source>
        <translation>Sélectionnez les lignes acceptées à déplacer.</translation>
    </message>
    <message>
        <source>Already re-recognising; wait for it to finish.</source>
        <translation>Relecture déjà en cours ; attendez qu’elle se termine.</translation>
    </message>
    <message>
        <source>Select accepted lines to re-recognise.</source>
        <translation>Sélectionnez les lignes acceptées à relire.</translation>
    </message>
    <message>
        <source>The re-recognised page is no longer open; the reading is in the log.</source>
        <translation>La page relue n’est plus ouverte ; la lecture est dans le journal.</translation>
    </message>
    <message>
        <source>Re-recognising failed: {error}</source>
        <translation>Échec de la relecture : {error}</translation>
    </message>
</context>
<context>
    <name>OcrLinesModel</name>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>suggérée</translation>
    </message>
    <message>
        <source>low %1</source>
        <translation>faible %1</translation>
    </message>
    <message>
        <source>Suggested by OCR, not yet accepted: press A.</source>
        <translation>Suggérée par l’OCR, pas encore acceptée : appuyez sur A.</translation>
    </message>
    <message>
        <source>Low OCR confidence: check this line.</source>
        <translation>Confiance OCR faible : vérifiez cette ligne.</translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation>Vérifiée.</translation>
    </message>
</context>
<context>
    <name>OcrOptionsDialog</name>
    <message>
        <source>Run OCR</source>
        <translation>Lancer l’OCR</translation>
    </message>
    <message>
        <source>RapidOCR (PP-OCR models, accurate)</source>
        <translation>RapidOCR (modèles PP-OCR, précis)</translation>
    </message>
    <message>
        <source>Tesseract (faster, less accurate)</source>
        <translation>Tesseract (plus rapide, moins précis)</translation>
    </message>
    <message>
        <source>The OCR engine; its version and model are recorded</source>
        <translation>Le moteur OCR ; sa version et son modèle sont enregistrés</translation>
    </message>
    <message>
        <source>Detect upside-down &amp;text lines</source>
        <translation>Détecter les lignes de &amp;texte à l’envers</translation>
    </message>
    <message>
        <source>Run the orientation classifier on each line (slower; for rotated scans)</source>
        <translation>Passer le classifieur d’orientation sur chaque ligne (plus lent ; pour les numérisations pivotées)</translation>
    </message>
    <message>
        <source>Read &amp;again pages already read</source>
        <translation>Relire les pages &amp;déjà lues</translation>
    </message>
    <message>
        <source>Pages already read by this engine and model are skipped unless this is checked</source>
        <translation>Les pages déjà lues par ce moteur et ce modèle sont ignorées sauf si cette case est cochée</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>&amp;Moteur :</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Appareil :</translation>
    </message>
    <message>
        <source>&amp;Run OCR</source>
        <translation>&amp;Lancer l’OCR</translation>
    </message>
</context>
<context>
    <name>OcrView</name>
    <message>
        <source>OCR reading</source>
        <translation>Lecture OCR</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>Select an image or a page to see the text read on it.</source>
        <translation>Sélectionnez une image ou une page pour voir le texte qui y a été lu.</translation>
    </message>
    <message>
        <source>OCR reads images and pages only.</source>
        <translation>L’OCR ne lit que les images et les pages.</translation>
    </message>
    <message>
        <source>No OCR yet — Tools → Run OCR</source>
        <translation>Pas encore d’OCR — Outils → Lancer l’OCR</translation>
    </message>
    <message>
        <source>{name}: 1 line</source>
        <translation>{name} : 1 ligne</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln lines</source>
        <translation>
            <numerusform>{name} : %Ln ligne</numerusform>
            <numerusform>{name} : %Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln to check</source>
        <translation>
            <numerusform>, %Ln à vérifier</numerusform>
            <numerusform>, %Ln à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>The OCR run found no text on this page.</source>
        <translation>L’OCR n’a trouvé aucun texte sur cette page.</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation>processeur inconnu</translation>
    </message>
    <message>
        <source>Read by {engine} {version} on {device}</source>
        <translation>Lu par {engine} {version} sur {device}</translation>
    </message>
    <message>
        <source>model {hash}</source>
        <translation>modèle {hash}</translation>
    </message>
    <message>
        <source>no model files</source>
        <translation>aucun fichier de modèle</translation>
    </message>
    <message>
        <source>mean score {score}</source>
        <translation>score moyen {score}</translation>
    </message>
    <message>
        <source>Read by {engine} {version} on {device}
model files {weights}
event {hash}</source>
        <translation>Lu par {engine} {version} sur {device}
fichiers du modèle {weights}
événement {hash}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Low confidence ({score}): check this line</source>
        <translation>Confiance faible ({score}) : vérifiez cette ligne</translation>
    </message>
</context>
<context>
    <name>Painter</name>
    <message>
        <source>Current window {current}, reference {reference}; {events} events in the log. {alarms}</source>
        <translation>Fenêtre actuelle {current}, référence {reference} ; {events} événements dans le journal. {alarms}</translation>
    </message>
    <message>
        <source>Alarms: {list}</source>
        <translation>Alertes : {list}</translation>
    </message>
    <message>
        <source>No drift alarm.</source>
        <translation>Aucune alerte de dérive.</translation>
    </message>
    <message>
        <source>No revision started from a model&apos;s suggestion yet.</source>
        <translation>Aucune révision n’est encore partie d’une suggestion de modèle.</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuelle</translation>
    </message>
    <message>
        <source>share of suggestions changed</source>
        <translation>part des suggestions modifiées</translation>
    </message>
    <message>
        <source>{model}: {changed} of {n} changed ({rate}); before: {was_n} ({was})</source>
        <translation>{model} : {changed} sur {n} modifiées ({rate}) ; avant : {was_n} ({was})</translation>
    </message>
    <message>
        <source>No answer in either window.</source>
        <translation>Aucune réponse dans l’une ou l’autre fenêtre.</translation>
    </message>
    <message>
        <source>share of labels</source>
        <translation>part des étiquettes</translation>
    </message>
    <message>
        <source>ALARM PSI {psi}</source>
        <translation>ALERTE PSI {psi}</translation>
    </message>
    <message>
        <source>{kind}: {n_ref} items before, {n_cur} now; PSI {psi}, chi-square {chi2} (p {p}). {note}</source>
        <translation>{kind} : {n_ref} éléments avant, {n_cur} maintenant ; PSI {psi}, khi-deux {chi2} (p {p}). {note}</translation>
    </message>
    <message>
        <source>No item imported in either window.</source>
        <translation>Aucun élément importé dans l’une ou l’autre fenêtre.</translation>
    </message>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>ALARM {stats}</source>
        <translation>ALERTE {stats}</translation>
    </message>
    <message>
        <source>{stat}: {n_ref} items before, {n_cur} now; mean {mean_ref} -&gt; {mean_cur}. {note}</source>
        <translation>{stat} : {n_ref} éléments avant, {n_cur} maintenant ; moyenne {mean_ref} -&gt; {mean_cur}. {note}</translation>
    </message>
    <message>
        <source>No text in either window.</source>
        <translation>Aucun texte dans l’une ou l’autre fenêtre.</translation>
    </message>
    <message>
        <source>new words</source>
        <translation>mots nouveaux</translation>
    </message>
    <message>
        <source>times used in the current window</source>
        <translation>emplois dans la fenêtre actuelle</translation>
    </message>
    <message>
        <source>{unseen} of {words} words in the current window ({share}) were never seen in the reference window; texts read: {n_ref} before, {n_cur} now. {note}</source>
        <translation>{unseen} mots sur {words} de la fenêtre actuelle ({share}) n’apparaissent jamais dans la fenêtre de référence ; textes lus : {n_ref} avant, {n_cur} maintenant. {note}</translation>
    </message>
    <message>
        <source>No adjudicated item with a model&apos;s class pre-label in the current window.</source>
        <translation>Aucun élément arbitré avec une pré-étiquette de classe d’un modèle dans la fenêtre actuelle.</translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation>arbitré</translation>
    </message>
    <message>
        <source>model: {model}</source>
        <translation>modèle : {model}</translation>
    </message>
    <message>
        <source>{label} P {p} R {r} F1 {f1}</source>
        <translation>{label} P {p} R {r} F1 {f1}</translation>
    </message>
    <message>
        <source>{items} items, accuracy {acc}. {scores}</source>
        <translation>{items} éléments, exactitude {acc}. {scores}</translation>
    </message>
    <message>
        <source>No item answered by two or more people.</source>
        <translation>Aucun élément traité par au moins deux personnes.</translation>
    </message>
    <message>
        <source>share agreeing</source>
        <translation>part en accord</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha</source>
        <translation>alpha de Krippendorff</translation>
    </message>
    <message>
        <source>Items compared per week: {counts}</source>
        <translation>Éléments comparés par semaine : {counts}</translation>
    </message>
    <message>
        <source>Nobody worked in the current window.</source>
        <translation>Personne n’a travaillé dans la fenêtre actuelle.</translation>
    </message>
    <message>
        <source>{who}: {answers} answers, {decisions} decisions</source>
        <translation>{who} : {answers} réponses, {decisions} décisions</translation>
    </message>
    <message>
        <source>No event in the current window.</source>
        <translation>Aucun événement dans la fenêtre actuelle.</translation>
    </message>
    <message>
        <source>days since {first}</source>
        <translation>jours depuis le {first}</translation>
    </message>
    <message>
        <source>{n} events in the current window ({shown} latest shown); by type: {types}</source>
        <translation>{n} événements dans la fenêtre actuelle ({shown} derniers affichés) ; par type : {types}</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Enregistrer ce graphique en image PNG</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save this plot as an SVG drawing</source>
        <translation>Enregistrer ce graphique en dessin SVG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save plot</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>Impossible d’enregistrer {path} : {reason}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Automatic sync interval</source>
        <translation>Intervalle de synchronisation automatique</translation>
    </message>
    <message>
        <source>While signed in to a server, sync every so many minutes; 0 turns it off. Applies at once.</source>
        <translation>Une fois connecté à un serveur, synchroniser toutes les N minutes ; 0 la désactive. S’applique aussitôt.</translation>
    </message>
    <message>
        <source>Changes apply the next time HITL Desktop starts.</source>
        <translation>Les changements prendront effet au prochain démarrage de HITL Desktop.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation>&amp;Synchroniser toutes les :</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
</context>
<context>
    <name>PrelabelController</name>
    <message>
        <source>Pre-label</source>
        <translation>Pré-étiqueter</translation>
    </message>
    <message>
        <source>&amp;Pre-label selected items…</source>
        <translation>&amp;Pré-étiqueter les éléments sélectionnés…</translation>
    </message>
    <message>
        <source>Pre-label all &amp;items…</source>
        <translation>Pré-étiqueter tous les &amp;éléments…</translation>
    </message>
    <message>
        <source>Let a model suggest labels for the selected items</source>
        <translation>Laisser un modèle suggérer des étiquettes pour les éléments sélectionnés</translation>
    </message>
    <message>
        <source>Let a model suggest labels for every item it can read</source>
        <translation>Laisser un modèle suggérer des étiquettes pour chaque élément qu’il sait lire</translation>
    </message>
    <message>
        <source>Needs the workspace open for writing</source>
        <translation>Nécessite l’espace de travail ouvert en écriture</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so pre-labels cannot be recorded.</source>
        <translation>Cet espace de travail est ouvert en lecture seule : les pré-étiquettes ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <source>Another job is running; wait for it to finish.</source>
        <translation>Une autre tâche est en cours ; attendez qu’elle se termine.</translation>
    </message>
    <message>
        <source>Select the items to pre-label first.</source>
        <translation>Sélectionnez d’abord les éléments à pré-étiqueter.</translation>
    </message>
    <message>
        <source>Pre-labelling</source>
        <translation>Pré-étiquetage</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Cancelling pre-labelling after the batch in flight…</source>
        <translation>Annulation du pré-étiquetage après le lot en cours…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>Chargement de {model}…</translation>
    </message>
    <message numerus="yes">
        <source>Pre-labelling %Ln item(s)…</source>
        <translation>
            <numerusform>Pré-étiquetage de %Ln élément…</numerusform>
            <numerusform>Pré-étiquetage de %Ln éléments…</numerusform>
        </translation>
    </message>
    <message>
        <source>The last model run used this device.</source>
        <translation>La dernière exécution du modèle a utilisé ce processeur.</translation>
    </message>
    <message>
        <source>{summary}. {notice}</source>
        <translation>{summary}. {notice}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) could not be pre-labelled:</source>
        <translation>
            <numerusform>%Ln élément n’a pas pu être pré-étiqueté :</numerusform>
            <numerusform>%Ln éléments n’ont pas pu être pré-étiquetés :</numerusform>
        </translation>
    </message>
    <message>
        <source>Pre-labelling failed: {error}</source>
        <translation>Échec du pré-étiquetage : {error}</translation>
    </message>
    <message>
        <source>Pre-labelling failed.</source>
        <translation>Le pré-étiquetage a échoué.</translation>
    </message>
</context>
<context>
    <name>PrelabelOptionsDialog</name>
    <message>
        <source>Pre-label</source>
        <translation>Pré-étiqueter</translation>
    </message>
    <message>
        <source>The model that suggests labels; its id and weights hash are recorded</source>
        <translation>Le modèle qui suggère les étiquettes ; son identifiant et l’empreinte de ses poids sont enregistrés</translation>
    </message>
    <message>
        <source>A label set JSON file</source>
        <translation>Un fichier JSON de jeu d’étiquettes</translation>
    </message>
    <message>
        <source>Labels with descriptions; zero-shot models compare items with them</source>
        <translation>Étiquettes avec descriptions ; les modèles zéro-shot y comparent les éléments</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Pre-label &amp;again items this model already did</source>
        <translation>Pré-étiqueter à &amp;nouveau les éléments déjà traités par ce modèle</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>É&amp;tiquettes :</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Appareil :</translation>
    </message>
    <message>
        <source>&amp;Pre-label</source>
        <translation>&amp;Pré-étiqueter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) and page(s) will be pre-labelled.</source>
        <translation>
            <numerusform>%Ln image ou page sera pré-étiquetée.</numerusform>
            <numerusform>%Ln images et pages seront pré-étiquetées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln text item(s) will be pre-labelled.</source>
        <translation>
            <numerusform>%Ln élément texte sera pré-étiqueté.</numerusform>
            <numerusform>%Ln éléments texte seront pré-étiquetés.</numerusform>
        </translation>
    </message>
    <message>
        <source>No model is registered.</source>
        <translation>Aucun modèle n’est enregistré.</translation>
    </message>
    <message>
        <source>Register a model first: hitl models add FOLDER</source>
        <translation>Enregistrez d’abord un modèle : hitl models add DOSSIER</translation>
    </message>
    <message>
        <source>This model reads images; none of the items is an image or a page.</source>
        <translation>Ce modèle lit des images ; aucun des éléments n’est une image ou une page.</translation>
    </message>
    <message>
        <source>This model reads text; none of the items is a text item.</source>
        <translation>Ce modèle lit du texte ; aucun des éléments n’est un élément texte.</translation>
    </message>
    <message>
        <source>This zero-shot model needs a label set: choose a JSON file of labels with descriptions.</source>
        <translation>Ce modèle zéro-shot a besoin d’un jeu d’étiquettes : choisissez un fichier JSON d’étiquettes avec descriptions.</translation>
    </message>
    <message>
        <source>Choose a label set</source>
        <translation>Choisir un jeu d’étiquettes</translation>
    </message>
    <message>
        <source>Label sets (*.json)</source>
        <translation>Jeux d’étiquettes (*.json)</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Your name and role are recorded in every event you make from now on.</source>
        <translation>Votre nom et votre rôle seront enregistrés dans chaque événement que vous créerez désormais.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Votre rôle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Welcome to HITL Desktop</source>
        <translation>Bienvenue dans HITL Desktop</translation>
    </message>
    <message>
        <source>Who are you? Your name and role are recorded with every change you make.</source>
        <translation>Qui êtes-vous ? Votre nom et votre rôle sont enregistrés avec chaque modification que vous faites.</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Derived page</source>
        <translation>Page dérivée</translation>
    </message>
    <message>
        <source>Seen again</source>
        <translation>Revu ailleurs</translation>
    </message>
    <message>
        <source>OCR run</source>
        <translation>Passage OCR</translation>
    </message>
    <message>
        <source>Pre-label</source>
        <translation>Pré-étiquette</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Review decision</source>
        <translation>Décision de revue</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Other event</source>
        <translation>Autre événement</translation>
    </message>
    <message>
        <source>derived from</source>
        <translation>dérivé de</translation>
    </message>
    <message>
        <source>used</source>
        <translation>a utilisé</translation>
    </message>
    <message>
        <source>revises</source>
        <translation>révise</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>a tranché</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Pre-labelled</source>
        <translation>Pré-étiquetés</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigés</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revus</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportés</translation>
    </message>
</context>
<context>
    <name>ProvenanceDocks</name>
    <message>
        <source>Dataset &amp;provenance…</source>
        <translation>&amp;Provenance du jeu de données…</translation>
    </message>
    <message>
        <source>Sources, items, pre-labelled, corrected, reviewed, exported: the counts</source>
        <translation>Sources, éléments, pré-étiquetés, corrigés, revus, exportés : les effectifs</translation>
    </message>
    <message>
        <source>&amp;Provenance</source>
        <translation>&amp;Provenance</translation>
    </message>
</context>
<context>
    <name>ProvenanceFlowWidget</name>
    <message>
        <source>Dataset flow</source>
        <translation>Parcours du jeu de données</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
</context>
<context>
    <name>ProvenanceFlowWindow</name>
    <message>
        <source>Dataset provenance</source>
        <translation>Provenance du jeu de données</translation>
    </message>
    <message>
        <source>Could not read the dataset: {error}</source>
        <translation>Impossible de lire le jeu de données : {error}</translation>
    </message>
    <message>
        <source>No data is retired.</source>
        <translation>Aucune donnée n’est retirée.</translation>
    </message>
    <message>
        <source>Retired: 1 item, kept in the history but left out of the counts.</source>
        <translation>Retiré : 1 élément, gardé dans l’historique mais exclu des effectifs.</translation>
    </message>
    <message numerus="yes">
        <source>Retired: %Ln items, kept in the history but left out of the counts.</source>
        <translation>
            <numerusform>Retiré : %Ln élément, gardé dans l’historique mais exclu des effectifs.</numerusform>
            <numerusform>Retirés : %Ln éléments, gardés dans l’historique mais exclus des effectifs.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 export could not be read (moved or edited): its items are not counted.</source>
        <translation>1 export n’a pas pu être lu (déplacé ou modifié) : ses éléments ne sont pas comptés.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln exports could not be read (moved or edited): their items are not counted.</source>
        <translation>
            <numerusform>%Ln export n’a pas pu être lu (déplacé ou modifié) : ses éléments ne sont pas comptés.</numerusform>
            <numerusform>%Ln exports n’ont pas pu être lus (déplacés ou modifiés) : leurs éléments ne sont pas comptés.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>(sans source)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Collecté par</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Capture device</source>
        <translation>Appareil de capture</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>First import</source>
        <translation>Premier import</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>schema {ref}</source>
        <translation>schéma {ref}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Status or schema</source>
        <translation>Statut ou schéma</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status and schemas</source>
        <translation>Statuts et schémas</translation>
    </message>
</context>
<context>
    <name>ProvenanceView</name>
    <message>
        <source>Provenance graph</source>
        <translation>Graphe de provenance</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Détails de l’événement</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>✓ signed, ? not yet signed, ! failed verification</source>
        <translation>✓ signé, ? pas encore signé, ! vérification échouée</translation>
    </message>
    <message>
        <source>Select an item to see where it came from.</source>
        <translation>Choisissez un élément pour voir d’où il vient.</translation>
    </message>
    <message>
        <source>Reading the history of {name}…</source>
        <translation>Lecture de l’historique de {name}…</translation>
    </message>
    <message>
        <source>Could not read this item&apos;s history: {error}</source>
        <translation>Impossible de lire l’historique de cet élément : {error}</translation>
    </message>
    <message>
        <source>{name}: no events recorded</source>
        <translation>{name} : aucun événement enregistré</translation>
    </message>
    <message>
        <source>{name}: 1 event. Click it for its details.</source>
        <translation>{name} : 1 événement. Cliquez dessus pour ses détails.</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln events. Click one for its details.</source>
        <translation>
            <numerusform>{name} : %Ln événement. Cliquez dessus pour ses détails.</numerusform>
            <numerusform>{name} : %Ln événements. Cliquez sur l’un d’eux pour ses détails.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed: its own signature is valid</source>
        <translation>Signé : sa propre signature est valide</translation>
    </message>
    <message>
        <source>Signed with its batch: a later signature covers it</source>
        <translation>Signé avec son lot : une signature ultérieure le couvre</translation>
    </message>
    <message>
        <source>Not covered by a signature yet</source>
        <translation>Pas encore couvert par une signature</translation>
    </message>
    <message>
        <source>Failed verification: do not trust this event</source>
        <translation>Échec de la vérification : ne vous fiez pas à cet événement</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Event hash</source>
        <translation>Empreinte de l’événement</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Empreinte précédente</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>Fondé sur</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Empreinte du contenu</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Oldest first</source>
        <translation>Les plus anciennes d’abord</translation>
    </message>
    <message>
        <source>Lowest agreement first</source>
        <translation>Accord le plus faible d’abord</translation>
    </message>
    <message>
        <source>Gold failures always come first</source>
        <translation>Les échecs sur les items de référence passent toujours en premier</translation>
    </message>
    <message>
        <source>Show minor</source>
        <translation>Afficher les mineurs</translation>
    </message>
    <message>
        <source>Also list disagreements at or above the schema&apos;s agreement threshold</source>
        <translation>Lister aussi les désaccords au niveau du seuil d’accord du schéma ou au-dessus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>gold</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>decision conflict</source>
        <translation>conflit de décisions</translation>
    </message>
    <message>
        <source>fork</source>
        <translation>divergence</translation>
    </message>
    <message>
        <source>disagreement</source>
        <translation>désaccord</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject answers</source>
        <translation>Rejeter les réponses</translation>
    </message>
    <message>
        <source>Why are the answers to {item} rejected? The workers see this reason.</source>
        <translation>Pourquoi les réponses à {item} sont-elles rejetées ? Les annotateurs verront ce motif.</translation>
    </message>
    <message>
        <source>e.g. the header box is missing</source>
        <translation>p. ex. le cadre de l’en-tête manque</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>Stakeholder &amp;report…</source>
        <translation>&amp;Rapport pour les parties prenantes…</translation>
    </message>
    <message>
        <source>Save a report on this dataset and its lineage for people who do not use the app (HTML or PDF)</source>
        <translation>Enregistrer un rapport sur ce jeu de données et son historique pour les personnes qui n’utilisent pas l’application (HTML ou PDF)</translation>
    </message>
    <message>
        <source>Save the stakeholder report</source>
        <translation>Enregistrer le rapport pour les parties prenantes</translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF document (*.pdf)</source>
        <translation>Page web (*.html);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Préparation du rapport…</translation>
    </message>
    <message>
        <source>Making the report… {done} of {total} figures</source>
        <translation>Préparation du rapport… {done} figures sur {total}</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Rapport enregistré dans {path}</translation>
    </message>
    <message>
        <source>Report cancelled</source>
        <translation>Rapport annulé</translation>
    </message>
    <message>
        <source>The report could not be made</source>
        <translation>Le rapport n’a pas pu être préparé</translation>
    </message>
    <message>
        <source>Stakeholder report</source>
        <translation>Rapport pour les parties prenantes</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>Le rapport n’a pas pu être préparé : {error}</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Review &amp;queue…</source>
        <translation>&amp;File de revue…</translation>
    </message>
    <message>
        <source>Decide the items whose answers disagree</source>
        <translation>Trancher les éléments dont les réponses divergent</translation>
    </message>
    <message>
        <source>Review: ?</source>
        <translation>Revue : ?</translation>
    </message>
    <message>
        <source>Review: {n}</source>
        <translation>Revue : {n}</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Review queue</source>
        <translation>File de revue</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Accept &amp;left answer</source>
        <translation>Accepter la réponse de &amp;gauche</translation>
    </message>
    <message>
        <source>Accept &amp;right answer</source>
        <translation>Accepter la réponse de &amp;droite</translation>
    </message>
    <message>
        <source>&amp;Merge picks</source>
        <translation>&amp;Fusionner les choix</translation>
    </message>
    <message>
        <source>&amp;Edit and adjudicate…</source>
        <translation>&amp;Corriger et trancher…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Re&amp;jeter…</translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation>&amp;Superposer</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Tâche suivante</translation>
    </message>
    <message>
        <source>Previous task</source>
        <translation>Tâche précédente</translation>
    </message>
    <message>
        <source>Open task</source>
        <translation>Ouvrir la tâche</translation>
    </message>
    <message>
        <source>The review queue is empty.</source>
        <translation>La file de revue est vide.</translation>
    </message>
    <message>
        <source>Select a task and press Enter to open it.</source>
        <translation>Choisissez une tâche et appuyez sur Entrée pour l’ouvrir.</translation>
    </message>
    <message>
        <source>no open task</source>
        <translation>aucune tâche ouverte</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Different class</source>
        <translation>Classe différente</translation>
    </message>
    <message>
        <source>Region only on the left</source>
        <translation>Zone seulement à gauche</translation>
    </message>
    <message>
        <source>Region only on the right</source>
        <translation>Zone seulement à droite</translation>
    </message>
    <message>
        <source>Different label</source>
        <translation>Étiquette différente</translation>
    </message>
    <message>
        <source>Regions differ in place</source>
        <translation>Zones décalées</translation>
    </message>
    <message>
        <source>Different text</source>
        <translation>Texte différent</translation>
    </message>
    <message>
        <source>Span only on the left</source>
        <translation>Segment seulement à gauche</translation>
    </message>
    <message>
        <source>Span only on the right</source>
        <translation>Segment seulement à droite</translation>
    </message>
    <message>
        <source>Different span label</source>
        <translation>Étiquette de segment différente</translation>
    </message>
    <message>
        <source>Span boundaries differ</source>
        <translation>Limites de segment différentes</translation>
    </message>
    <message>
        <source>Which answer&apos;s version the merge keeps</source>
        <translation>La version que la fusion garde</translation>
    </message>
    <message>
        <source>{item}: {decision} recorded.</source>
        <translation>{item} : {decision} enregistré.</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Your profile: File → Profile… changes it</source>
        <translation>Votre profil : Fichier → Profil… pour le changer</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>{progress} — {name}</source>
        <translation>{progress} — {name}</translation>
    </message>
    <message>
        <source>{running}… {progress}</source>
        <translation>{running}… {progress}</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…et {n} de plus.</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <source>Label schema</source>
        <translation>Schéma d’étiquettes</translation>
    </message>
    <message>
        <source>Schema name</source>
        <translation>Nom du schéma</translation>
    </message>
    <message>
        <source>Instructions (Markdown)</source>
        <translation>Consignes (Markdown)</translation>
    </message>
    <message>
        <source>Instructions preview</source>
        <translation>Aperçu des consignes</translation>
    </message>
    <message>
        <source>Fraction of items labelled by two people</source>
        <translation>Part des éléments étiquetés par deux personnes</translation>
    </message>
    <message>
        <source>Below this agreement, an item goes to review</source>
        <translation>En dessous de cet accord, un élément part en relecture</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Changes from the parent version</source>
        <translation>Changements depuis la version parente</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Tasks and labels</source>
        <translation>Tâches et étiquettes</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>Overlap (fraction labelled twice):</source>
        <translation>Recouvrement (part étiquetée deux fois) :</translation>
    </message>
    <message>
        <source>Agreement threshold:</source>
        <translation>Seuil d’accord :</translation>
    </message>
    <message>
        <source>Review policy</source>
        <translation>Politique de relecture</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>Schéma :</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(sans note)</translation>
    </message>
    <message>
        <source>v{v} · {note} · {actor} ({role})</source>
        <translation>v{v} · {note} · {actor} ({role})</translation>
    </message>
    <message>
        <source>Nothing published yet.</source>
        <translation>Rien n’a encore été publié.</translation>
    </message>
    <message>
        <source>First version: {n} task(s), {m} label(s).</source>
        <translation>Première version : {n} tâche(s), {m} étiquette(s).</translation>
    </message>
    <message>
        <source>Version {v} (from v{p})</source>
        <translation>Version {v} (depuis v{p})</translation>
    </message>
    <message>
        <source>Version {v} (first)</source>
        <translation>Version {v} (première)</translation>
    </message>
    <message>
        <source>Valid: ready to publish as {ref}.</source>
        <translation>Valide : prêt à être publié comme {ref}.</translation>
    </message>
    <message>
        <source>tasks[{t}].labels[{i}].hotkey: hotkey &apos;{key}&apos; of label &apos;{label}&apos; is the app&apos;s key for “{action}”; choose another</source>
        <translation>tasks[{t}].labels[{i}].hotkey : la touche « {key} » de l&apos;étiquette « {label} » est celle de l&apos;application pour « {action} » ; choisissez-en une autre</translation>
    </message>
    <message>
        <source>{name} is a {role}: only an expert or an admin may publish a schema.</source>
        <translation>{name} a le rôle {role} : seul un expert ou un administrateur peut publier un schéma.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>publish schema</source>
        <translation>publier le schéma</translation>
    </message>
    <message>
        <source>Published {ref}: {m} item(s) mapped, {f} flagged for re-check.</source>
        <translation>{ref} publié : {m} élément(s) converti(s), {f} signalé(s) à revérifier.</translation>
    </message>
    <message>
        <source>Not published: {error}</source>
        <translation>Non publié : {error}</translation>
    </message>
</context>
<context>
    <name>SchemaTables</name>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Renamed from</source>
        <translation>Renommée depuis</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Ajouter une tâche</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Retirer la tâche</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>Retirer l’étiquette</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Ajouter un attribut</translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation>Retirer l’attribut</translation>
    </message>
    <message>
        <source>Labels of the selected task</source>
        <translation>Étiquettes de la tâche sélectionnée</translation>
    </message>
    <message>
        <source>Attributes of the selected label</source>
        <translation>Attributs de l’étiquette sélectionnée</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Réinitialiser</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to server</source>
        <translation>Connexion au serveur</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>The password is sent to the server once and never kept; the sign-in is kept in your system&apos;s keyring.</source>
        <translation>Le mot de passe est envoyé une fois au serveur et jamais conservé ; la connexion est gardée dans le trousseau de votre système.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, starting with https:// or http://</source>
        <translation>Indiquez l’adresse du serveur, commençant par https:// ou http://</translation>
    </message>
    <message>
        <source>Give your user name and password on this server.</source>
        <translation>Indiquez votre nom d’utilisateur et votre mot de passe sur ce serveur.</translation>
    </message>
    <message>
        <source>Signing in to {url}…</source>
        <translation>Connexion à {url}…</translation>
    </message>
    <message>
        <source>The server at {url} refused this user name or password; check them and try again.</source>
        <translation>Le serveur {url} a refusé ce nom d’utilisateur ou ce mot de passe ; vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>Could not open a secure connection to {url}: its certificate could not be verified ({reason}). Check the address; if it is right, ask your administrator for a valid certificate.</source>
        <translation>Impossible d’établir une connexion sécurisée avec {url} : son certificat n’a pas pu être vérifié ({reason}). Vérifiez l’adresse ; si elle est juste, demandez un certificat valide à votre administrateur.</translation>
    </message>
    <message>
        <source>The server at {url} is unreachable: it does not answer. Check the address and your network connection, then try again; your work stays here meanwhile.</source>
        <translation>Le serveur {url} est injoignable : il ne répond pas. Vérifiez l’adresse et votre connexion réseau, puis réessayez ; votre travail reste ici en attendant.</translation>
    </message>
    <message>
        <source>The server at {url} speaks a newer sync protocol: upgrade the client (this app), then sign in again.</source>
        <translation>Le serveur {url} parle un protocole de synchronisation plus récent : mettez à jour le client (cette application), puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server at {url} speaks an older sync protocol: ask your administrator to upgrade the server.</source>
        <translation>Le serveur {url} parle un protocole de synchronisation plus ancien : demandez à votre administrateur de mettre à jour le serveur.</translation>
    </message>
    <message>
        <source>The server at {url} revoked this device, so it refuses its work. Ask your administrator; to go on, open a fresh copy of the project (a new device) and sign in there.</source>
        <translation>Le serveur {url} a révoqué cet appareil et refuse donc son travail. Adressez-vous à votre administrateur ; pour continuer, ouvrez une nouvelle copie du projet (un nouvel appareil) et connectez-vous depuis celle-ci.</translation>
    </message>
    <message>
        <source>The server at {url} has this device registered to another user: sign in as that user, or use a fresh copy of the project.</source>
        <translation>Le serveur {url} a enregistré cet appareil pour un autre utilisateur : connectez-vous sous cet utilisateur, ou utilisez une nouvelle copie du projet.</translation>
    </message>
    <message>
        <source>Your account on {url} has no role this app knows, so it could do nothing here: ask your administrator to give it a role (worker, checker, expert or admin).</source>
        <translation>Votre compte sur {url} n’a aucun rôle connu de cette application et ne pourrait rien y faire : demandez à votre administrateur de lui attribuer un rôle (worker, checker, expert ou admin).</translation>
    </message>
    <message>
        <source>The server at {url} could not prove it is the real server (its signed checkpoint does not verify); nothing was sent. Tell your administrator.</source>
        <translation>Le serveur {url} n’a pas pu prouver qu’il est le vrai serveur (la signature de son point de contrôle ne se vérifie pas) ; rien n’a été envoyé. Prévenez votre administrateur.</translation>
    </message>
    <message>
        <source>Could not sign in: {reason}</source>
        <translation>Connexion impossible : {reason}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sign &amp;in to server…</source>
        <translation>Se &amp;connecter au serveur…</translation>
    </message>
    <message>
        <source>Connect this workspace to a central store</source>
        <translation>Relier cet espace de travail à un serveur central</translation>
    </message>
    <message>
        <source>Sign &amp;out of server</source>
        <translation>Se &amp;déconnecter du serveur</translation>
    </message>
    <message>
        <source>Forget the sign-in kept in the keyring; local work stays</source>
        <translation>Oublier la connexion gardée dans le trousseau ; le travail local reste</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>Send your changes to the server and fetch everyone else&apos;s</source>
        <translation>Envoyer vos modifications au serveur et récupérer celles des autres</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
        <source>Stop the sync; the next one resumes where this one stopped</source>
        <translation>Arrêter la synchronisation ; la suivante reprend là où celle-ci s’est arrêtée</translation>
    </message>
    <message>
        <source>Sync &amp;incidents…</source>
        <translation>&amp;Incidents de synchronisation…</translation>
    </message>
    <message>
        <source>Events the server refused, for admins</source>
        <translation>Les événements refusés par le serveur, pour les administrateurs</translation>
    </message>
    <message>
        <source>Sync: ?</source>
        <translation>Synchronisation : ?</translation>
    </message>
    <message>
        <source>Signed in to {url} as {user} ({role}).</source>
        <translation>Connecté à {url} en tant que {user} ({role}).</translation>
    </message>
    <message>
        <source>This workspace records your work as {profile}: change the profile to {user} (File → Profile…) before syncing.</source>
        <translation>Cet espace de travail enregistre votre travail sous le nom {profile} : changez le profil en {user} (Fichier → Profil…) avant de synchroniser.</translation>
    </message>
    <message>
        <source>Signed out of {url}; your work stays here.</source>
        <translation>Déconnecté de {url} ; votre travail reste ici.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Une synchronisation est déjà en cours.</translation>
    </message>
    <message>
        <source>Syncing needs the workspace open for writing.</source>
        <translation>La synchronisation demande l’espace de travail ouvert en écriture.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Cancelling the sync…</source>
        <translation>Annulation de la synchronisation…</translation>
    </message>
    <message>
        <source>Synced with {url}: {pushed} sent, {pulled} received.</source>
        <translation>Synchronisé avec {url} : {pushed} envoyés, {pulled} reçus.</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n event(s); an admin sees them under Tools → Sync incidents.</source>
        <translation>
            <numerusform>Le serveur a refusé %n événement ; un administrateur le voit dans Outils → Incidents de synchronisation.</numerusform>
            <numerusform>Le serveur a refusé %n événements ; un administrateur les voit dans Outils → Incidents de synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled; the next one resumes where it stopped.</source>
        <translation>Synchronisation annulée ; la suivante reprendra là où elle s’est arrêtée.</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>Échec de la synchronisation : {reason}</translation>
    </message>
    <message>
        <source>the server&apos;s checkpoint key changed since you signed in; if your administrator rotated it, sign in again (File → Sign in to server…). Nothing was sent or received.</source>
        <translation>la clé de point de contrôle du serveur a changé depuis votre connexion ; si votre administrateur l’a renouvelée, reconnectez-vous (Fichier → Se connecter au serveur…). Rien n’a été envoyé ni reçu.</translation>
    </message>
    <message>
        <source>the server&apos;s signed checkpoint does not verify: the answer was altered on its way or it is not the real server. Nothing was sent or received; tell your administrator.</source>
        <translation>la signature du point de contrôle du serveur ne se vérifie pas : la réponse a été altérée en chemin ou ce n’est pas le vrai serveur. Rien n’a été envoyé ni reçu ; prévenez votre administrateur.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Non synchronisé</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting</source>
        <translation>
            <numerusform>%n événement en attente</numerusform>
            <numerusform>%n événements en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <source>synced {when}</source>
        <translation>synchronisé {when}</translation>
    </message>
    <message>
        <source>Not connected to a server: File → Sign in to server…</source>
        <translation>Relié à aucun serveur : Fichier → Se connecter au serveur…</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation>Serveur : {url}</translation>
    </message>
    <message>
        <source>Sign in again: File → Sign in to server…</source>
        <translation>Reconnectez-vous : Fichier → Se connecter au serveur…</translation>
    </message>
    <message>
        <source>Last sync failed: {reason}</source>
        <translation>Échec de la dernière synchronisation : {reason}</translation>
    </message>
    <message>
        <source>This device refused the server {when}: its checkpoint key changed since you signed in. If your administrator rotated it, sign in again.</source>
        <translation>Cet appareil a refusé le serveur {when} : sa clé de point de contrôle a changé depuis votre connexion. Si votre administrateur l’a renouvelée, reconnectez-vous.</translation>
    </message>
    <message>
        <source>This device refused the server {when}: its signed checkpoint did not verify. Tell your administrator.</source>
        <translation>Cet appareil a refusé le serveur {when} : la signature de son point de contrôle ne se vérifiait pas. Prévenez votre administrateur.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>%v of %m events</source>
        <translation>%v événements sur %m</translation>
    </message>
</context>
<context>
    <name>TextSpanEditor</name>
    <message>
        <source>Text editor</source>
        <translation>Éditeur de texte</translation>
    </message>
    <message>
        <source>Item text</source>
        <translation>Texte de l’élément</translation>
    </message>
    <message>
        <source>Label selected text</source>
        <translation>Étiqueter le texte sélectionné</translation>
    </message>
    <message>
        <source>Remove span at cursor</source>
        <translation>Retirer le segment sous le curseur</translation>
    </message>
    <message>
        <source>Accept suggestion at cursor</source>
        <translation>Accepter la suggestion sous le curseur</translation>
    </message>
    <message>
        <source>Accept all span suggestions</source>
        <translation>Accepter toutes les suggestions de segments</translation>
    </message>
    <message>
        <source>suggested {label}{score}: “{words}” [{start}, {end}) — A accepts</source>
        <translation>suggéré {label}{score} : « {words} » [{start}, {end}) — A accepte</translation>
    </message>
    <message>
        <source>{label}: “{words}” [{start}, {end})</source>
        <translation>{label} : « {words} » [{start}, {end})</translation>
    </message>
    <message>
        <source>Open a text item to label spans.</source>
        <translation>Ouvrez un élément texte pour étiqueter des segments.</translation>
    </message>
    <message>
        <source>Select text, then press a label key (1–9) or Enter.</source>
        <translation>Sélectionnez du texte, puis appuyez sur une touche d’étiquette (1–9) ou Entrée.</translation>
    </message>
    <message>
        <source>Select some text to label first.</source>
        <translation>Sélectionnez d’abord du texte à étiqueter.</translation>
    </message>
    <message>
        <source>Choose a label first (keys 1–9 or the palette).</source>
        <translation>Choisissez d’abord une étiquette (touches 1–9 ou la palette).</translation>
    </message>
    <message>
        <source>No span at the cursor to remove.</source>
        <translation>Aucun segment à retirer sous le curseur.</translation>
    </message>
    <message>
        <source>No suggested span at the cursor.</source>
        <translation>Aucun segment suggéré sous le curseur.</translation>
    </message>
    <message>
        <source>No span suggestions to accept.</source>
        <translation>Aucune suggestion de segment à accepter.</translation>
    </message>
</context>
<context>
    <name>TimelineTable</name>
    <message>
        <source>When (UTC)</source>
        <translation>Quand (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Events in the current window</source>
        <translation>Événements de la fenêtre actuelle</translation>
    </message>
    <message>
        <source> (synced)</source>
        <translation> (synchronisé)</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>Tour</source>
        <translation>Visite guidée</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} sur {total}</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
</context>
<context>
    <name>WorkPosition</name>
    <message>
        <source>Item {n} of {total}</source>
        <translation>Élément {n} sur {total}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln saved today</source>
        <translation>
            <numerusform>%Ln enregistré aujourd’hui</numerusform>
            <numerusform>%Ln enregistrés aujourd’hui</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Your workspace</source>
        <translation>Votre espace de travail</translation>
    </message>
    <message>
        <source>A workspace is a folder holding your items and their history.</source>
        <translation>Un espace de travail est un dossier qui contient vos éléments et leur historique.</translation>
    </message>
    <message>
        <source>&amp;Create a new workspace</source>
        <translation>&amp;Créer un nouvel espace de travail</translation>
    </message>
    <message>
        <source>&amp;Open an existing workspace</source>
        <translation>&amp;Ouvrir un espace de travail existant</translation>
    </message>
    <message>
        <source>Make the &amp;demo workspace (sample pages and texts)</source>
        <translation>Créer l’espace de &amp;démonstration (pages et textes d’exemple)</translation>
    </message>
    <message>
        <source>Run OCR and pre-labels on the demo (takes a minute or two)</source>
        <translation>Lancer l’OCR et les pré-étiquettes sur la démo (une minute ou deux)</translation>
    </message>
    <message>
        <source>Join a central store (comes with sync)</source>
        <translation>Rejoindre un dépôt central (avec la synchronisation)</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Dossier de l’espace de travail</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Worker</source>
        <translation>Annotateur</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>Vérificateur</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Labels and corrects items: imports, runs OCR and pre-labels, saves annotations.</source>
        <translation>Étiquette et corrige les éléments : importe, lance l’OCR et les pré-étiquettes, enregistre les annotations.</translation>
    </message>
    <message>
        <source>Everything a worker does, and decides reviews: accepts or rejects others&apos; work.</source>
        <translation>Tout ce que fait un annotateur, et tranche les relectures : accepte ou rejette le travail des autres.</translation>
    </message>
    <message>
        <source>Defines what &apos;correct&apos; means: publishes label schemas and their instructions, and reviews.</source>
        <translation>Définit ce qui est « correct » : publie les schémas d’étiquettes et leurs consignes, et relit.</translation>
    </message>
    <message>
        <source>Looks after the workspace: everything above plus rebuild and maintenance tools.</source>
        <translation>Veille sur l’espace de travail : tout ce qui précède, plus les outils de reconstruction et de maintenance.</translation>
    </message>
    <message>
        <source>Only admins use the rebuild and admin tools</source>
        <translation>Seuls les administrateurs utilisent les outils de reconstruction et d’administration</translation>
    </message>
    <message>
        <source>Only checkers and experts decide reviews</source>
        <translation>Seuls les vérificateurs et les experts tranchent les relectures</translation>
    </message>
    <message>
        <source>Only checkers and experts assign work</source>
        <translation>Seuls les vérificateurs et les experts attribuent le travail</translation>
    </message>
    <message>
        <source>Only experts publish schemas</source>
        <translation>Seuls les experts publient des schémas</translation>
    </message>
    <message>
        <source>Only experts approve dataset exports</source>
        <translation>Seuls les experts approuvent les exports de jeux de données</translation>
    </message>
    <message>
        <source>Only checkers and experts import answers credited to other people</source>
        <translation>Seuls les vérificateurs et les experts importent des réponses attribuées à d’autres personnes</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <source>HITL Desktop</source>
        <translation>HITL Desktop</translation>
    </message>
</context>
</TS>
