<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementDialog</name>
    <message>
        <source>No labels to show.</source>
        <translation>لا وسوم للعرض.</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <source>exact F1</source>
        <translation>F1 (تام)</translation>
    </message>
    <message>
        <source>Inter-annotator agreement</source>
        <translation>الاتفاق بين الموسّمين</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>articles compared</source>
        <translation>مقالات مقارنة</translation>
    </message>
    <message>
        <source>Krippendorff's α</source>
        <translation>ألفا كريبندورف α</translation>
    </message>
    <message>
        <source>mean Cohen's κ</source>
        <translation>متوسط كابا كوهين κ</translation>
    </message>
    <message>
        <source>F1, exact match</source>
        <translation>F1 بتطابق تام</translation>
    </message>
    <message>
        <source>F1, overlap</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Exact P</source>
        <translation>الدقة (تام)</translation>
    </message>
    <message>
        <source>Exact R</source>
        <translation>الاستدعاء (تام)</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 (تام)</translation>
    </message>
    <message>
        <source>Overlap P</source>
        <translation>الدقة (تداخل)</translation>
    </message>
    <message>
        <source>Overlap R</source>
        <translation>الاستدعاء (تداخل)</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>الزوج</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <source>Double-click an article to open it.</source>
        <translation>انقر مرتين على مقال لفتحه.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Worst articles</source>
        <translation>أضعف المقالات اتفاقاً</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <source>No article has been finished by two annotators yet.</source>
        <translation>لم يُنهِ موسِّمان أيَّ مقال بعد.</translation>
    </message>
    <message>
        <source>Annotators: %1</source>
        <translation>الموسِّمون: %1</translation>
    </message>
    <message>
        <source>micro (all labels)</source>
        <translation>كل الوسوم (المتوسط الجزئي)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1 is not a reviewer of this project. Only reviewers open review mode; the project's lead can make %1 a reviewer.</source>
        <translation>%1 ليس مراجعًا في هذا المشروع. وحدهم المراجعون يفتحون وضع المراجعة، ويستطيع مسؤول المشروع أن يجعل %1 مراجعًا.</translation>
    </message>
    <message>
        <source>Your name (shown on your annotations):</source>
        <translation>اسمك (يظهر على توسيماتك):</translation>
    </message>
    <message>
        <source>%1 already has this project open in another window. Two windows for one person each keep their own undo history. Open another one anyway?</source>
        <translation>المشروع مفتوح باسم %1 في نافذة أخرى. لكل نافذة سجلّ تراجع خاص بها. أتفتح نافذة أخرى على أي حال؟</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The guidelines are missing from this installation.</source>
        <translation>دليل التوسيم غير موجود في هذا التثبيت.</translation>
    </message>
    <message>
        <source>Annotation guidelines</source>
        <translation>دليل التوسيم</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Label the selection (or relabel the selected span) with that label</source>
        <translation>وسم التحديد (أو تغيير وسم المقطع المحدد) بهذا الوسم</translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation>حذف المقطع المحدد</translation>
    </message>
    <message>
        <source>Accept / reject the suggestion under the cursor</source>
        <translation>قبول / رفض الاقتراح تحت المؤشر</translation>
    </message>
    <message>
        <source>Go to the next / previous suggestion</source>
        <translation>الانتقال إلى الاقتراح التالي / السابق</translation>
    </message>
    <message>
        <source>Accept all suggestions in the article</source>
        <translation>قبول كل الاقتراحات في المقال</translation>
    </message>
    <message>
        <source>Label all other mentions of the selected span</source>
        <translation>وسم كل الإشارات الأخرى إلى المقطع المحدد</translation>
    </message>
    <message>
        <source>Toggle the clitic (و ف ب ل ك) in or out of the selected span</source>
        <translation>إدخال السابقة (و ف ب ل ك) في المقطع المحدد أو إخراجها منه</translation>
    </message>
    <message>
        <source>Select exact characters instead of whole words</source>
        <translation>تحديد أحرف بعينها بدلاً من كلمات كاملة</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>تراجع / إعادة</translation>
    </message>
    <message>
        <source>Mark done and go to the next article</source>
        <translation>وضع علامة «منجز» والانتقال إلى المقال التالي</translation>
    </message>
    <message>
        <source>Skip the article</source>
        <translation>تخطي المقال</translation>
    </message>
    <message>
        <source>Flag the article with a comment</source>
        <translation>الإبلاغ عن المقال مع تعليق</translation>
    </message>
    <message>
        <source>Next / previous article (mirrored in the Arabic layout)</source>
        <translation>المقال التالي / السابق (معكوسة في الواجهة العربية)</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>تكبير / تصغير النص</translation>
    </message>
    <message>
        <source>Search the article list; back to the article</source>
        <translation>البحث في قائمة المقالات؛ العودة إلى المقال</translation>
    </message>
    <message>
        <source>Open another project; import articles</source>
        <translation>فتح مشروع آخر؛ استيراد مقالات</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message>
        <source>Hub: pending</source>
        <translation>الخادم: بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Hub: synced</source>
        <translation>الخادم: متزامن</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>الخادم: غير متصل</translation>
    </message>
    <message>
        <source>Hub: error</source>
        <translation>الخادم: خطأ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>add span</source>
        <translation>إضافة مقطع</translation>
    </message>
    <message>
        <source>relabel span</source>
        <translation>تغيير وسم المقطع</translation>
    </message>
    <message>
        <source>edit attributes</source>
        <translation>تعديل الخصائص</translation>
    </message>
    <message>
        <source>toggle clitic</source>
        <translation>تبديل السابقة</translation>
    </message>
    <message>
        <source>label all mentions</source>
        <translation>وسم كل الإشارات</translation>
    </message>
    <message>
        <source>accept suggestion</source>
        <translation>قبول اقتراح</translation>
    </message>
    <message>
        <source>accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <source>reject all suggestions</source>
        <translation>رفض كل الاقتراحات</translation>
    </message>
    <message>
        <source>reject suggestion</source>
        <translation>رفض اقتراح</translation>
    </message>
    <message>
        <source>delete span</source>
        <translation>حذف مقطع</translation>
    </message>
    <message>
        <source>No other mention was free to label.</source>
        <translation>لا توجد إشارة أخرى متاحة للوسم.</translation>
    </message>
    <message>
        <source>This project has no articles yet. Import some with: annotator import</source>
        <translation>لا مقالات في هذا المشروع بعد. استوردها بالأمر: annotator import</translation>
    </message>
    <message>
        <source>This is the last article in the list.</source>
        <translation>هذا آخر مقال في القائمة.</translation>
    </message>
    <message>
        <source>This is the first article in the list.</source>
        <translation>هذا أول مقال في القائمة.</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>No label on key</source>
        <translation>لا وسم على المفتاح</translation>
    </message>
    <message>
        <source>Select some text first.</source>
        <translation>حدّد نصاً أولاً.</translation>
    </message>
    <message>
        <source>This selection overlaps the %1 span «%2». Delete or relabel it first, or select less.</source>
        <translation>يتداخل هذا التحديد مع مقطع %1 «%2». احذف ذلك المقطع أو غيّر وسمه أولًا، أو حدّد أقل.</translation>
    </message>
    <message>
        <source>This span has no clitic to toggle.</source>
        <translation>لا سابقة في هذا المقطع.</translation>
    </message>
    <message>
        <source>Select a span first.</source>
        <translation>حدّد مقطعاً أولاً.</translation>
    </message>
    <message>
        <source>No suggestion under the cursor.</source>
        <translation>لا اقتراح تحت المؤشر.</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>المنجز:</translation>
    </message>
    <message>
        <source>Arabic News Annotator</source>
        <translation>موسِّم الأخبار العربية</translation>
    </message>
    <message numerus="yes">
        <source>Labelled %n more mention.|Labelled %n more mentions.</source>
        <translation>
            <numerusform>لم تُوسم أي إشارة أخرى.</numerusform>
            <numerusform>وُسمت إشارة أخرى واحدة.</numerusform>
            <numerusform>وُسمت إشارتان أخريان.</numerusform>
            <numerusform>وُسمت %n إشارات أخرى.</numerusform>
            <numerusform>وُسمت %n إشارةً أخرى.</numerusform>
            <numerusform>وُسمت %n إشارة أخرى.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n was left alone inside a longer name.|%n were left alone inside longer names.</source>
        <translation>
            <numerusform>لم تُترك أي إشارة داخل اسم أطول.</numerusform>
            <numerusform>تُركت إشارة واحدة داخل اسم أطول.</numerusform>
            <numerusform>تُركت إشارتان داخل أسماء أطول.</numerusform>
            <numerusform>تُركت %n إشارات داخل أسماء أطول.</numerusform>
            <numerusform>تُركت %n إشارةً داخل أسماء أطول.</numerusform>
            <numerusform>تُركت %n إشارة داخل أسماء أطول.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n was already labelled.|%n were already labelled.</source>
        <translation>
            <numerusform>لم تكن أي إشارة موسومة من قبل.</numerusform>
            <numerusform>كانت إشارة واحدة موسومة من قبل.</numerusform>
            <numerusform>كانت إشارتان موسومتين من قبل.</numerusform>
            <numerusform>كانت %n إشارات موسومة من قبل.</numerusform>
            <numerusform>كانت %n إشارةً موسومة من قبل.</numerusform>
            <numerusform>كانت %n إشارة موسومة من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Training cancelled; the current model is unchanged.</source>
        <translation>أُلغي التدريب؛ بقي النموذج الحالي كما هو.</translation>
    </message>
    <message>
        <source>Training failed:</source>
        <translation>فشل التدريب:</translation>
    </message>
    <message>
        <source>Train a model</source>
        <translation>تدريب نموذج</translation>
    </message>
    <message>
        <source>finished annotations (done)</source>
        <translation>التوسيمات المنجزة</translation>
    </message>
    <message>
        <source>gold annotations</source>
        <translation>التوسيمات المعتمدة (الذهبية)</translation>
    </message>
    <message>
        <source>Train on:</source>
        <translation>التدريب على:</translation>
    </message>
    <message>
        <source>Training steps:</source>
        <translation>خطوات التدريب:</translation>
    </message>
    <message>
        <source>training %p%</source>
        <translation>التدريب %p%</translation>
    </message>
    <message>
        <source>A model is being trained already.</source>
        <translation>يجري تدريب نموذج بالفعل.</translation>
    </message>
    <message>
        <source>Training a model in the background…</source>
        <translation>يجري تدريب نموذج في الخلفية…</translation>
    </message>
    <message>
        <source>The new model is the project's model now; its suggestions join the rules and patterns.</source>
        <translation>أصبح النموذج الجديد نموذج المشروع؛ تنضم اقتراحاته إلى القواعد والأنماط.</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>فشل التدريب.</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>البحث في:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>اسم الملف:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>نوع الملفات:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Project files (*.db *.sqlite);;All files (*)</source>
        <translation>ملفات المشاريع (*.db *.sqlite);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Articles (*.jsonl *.txt *.csv);;All files (*)</source>
        <translation>المقالات (*.jsonl *.txt *.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Labels added: %1.</source>
        <translation>أُضيفت الوسوم: %1.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new article.|Imported %n new articles.</source>
        <translation>
            <numerusform>لم يُستورد أي مقال جديد.</numerusform>
            <numerusform>استُورد مقال جديد واحد.</numerusform>
            <numerusform>استُورد مقالان جديدان.</numerusform>
            <numerusform>استُوردت %n مقالات جديدة.</numerusform>
            <numerusform>استُورد %n مقالًا جديدًا.</numerusform>
            <numerusform>استُورد %n مقال جديد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n was already in the project.|%n were already in the project.</source>
        <translation>
            <numerusform>لم يكن أي منها في المشروع من قبل.</numerusform>
            <numerusform>كان واحد منها في المشروع من قبل.</numerusform>
            <numerusform>كان اثنان منها في المشروع من قبل.</numerusform>
            <numerusform>كانت %n منها في المشروع من قبل.</numerusform>
            <numerusform>كان %n منها في المشروع من قبل.</numerusform>
            <numerusform>كان %n منها في المشروع من قبل.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span came with them.|%n spans came with them.</source>
        <translation>
            <numerusform>لم يأتِ معها أي مقطع.</numerusform>
            <numerusform>جاء معها مقطع واحد.</numerusform>
            <numerusform>جاء معها مقطعان.</numerusform>
            <numerusform>جاءت معها %n مقاطع.</numerusform>
            <numerusform>جاء معها %n مقطعًا.</numerusform>
            <numerusform>جاء معها %n مقطع.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion came with them.|%n suggestions came with them.</source>
        <translation>
            <numerusform>لم يأتِ معها أي اقتراح.</numerusform>
            <numerusform>جاء معها اقتراح واحد.</numerusform>
            <numerusform>جاء معها اقتراحان.</numerusform>
            <numerusform>جاءت معها %n اقتراحات.</numerusform>
            <numerusform>جاء معها %n اقتراحًا.</numerusform>
            <numerusform>جاء معها %n اقتراح.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record could not be read:|%n records could not be read:</source>
        <translation>
            <numerusform>لم يتعذر قراءة أي سجل:</numerusform>
            <numerusform>تعذرت قراءة سجل واحد:</numerusform>
            <numerusform>تعذرت قراءة سجلين:</numerusform>
            <numerusform>تعذرت قراءة %n سجلات:</numerusform>
            <numerusform>تعذرت قراءة %n سجلًا:</numerusform>
            <numerusform>تعذرت قراءة %n سجل:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing… %n article read so far.|Importing… %n articles read so far.</source>
        <translation>
            <numerusform>جارٍ الاستيراد… لم يُقرأ أي مقال بعد.</numerusform>
            <numerusform>جارٍ الاستيراد… قُرئ مقال واحد حتى الآن.</numerusform>
            <numerusform>جارٍ الاستيراد… قُرئ مقالان حتى الآن.</numerusform>
            <numerusform>جارٍ الاستيراد… قُرئت %n مقالات حتى الآن.</numerusform>
            <numerusform>جارٍ الاستيراد… قُرئ %n مقالًا حتى الآن.</numerusform>
            <numerusform>جارٍ الاستيراد… قُرئ %n مقال حتى الآن.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search waits for the text index: %n article left to index.|Search waits for the text index: %n articles left to index.</source>
        <translation>
            <numerusform>البحث بانتظار فهرسة النصوص: لم يبقَ أي مقال.</numerusform>
            <numerusform>البحث بانتظار فهرسة النصوص: بقي مقال واحد.</numerusform>
            <numerusform>البحث بانتظار فهرسة النصوص: بقي مقالان.</numerusform>
            <numerusform>البحث بانتظار فهرسة النصوص: بقيت %n مقالات.</numerusform>
            <numerusform>البحث بانتظار فهرسة النصوص: بقي %n مقالًا.</numerusform>
            <numerusform>البحث بانتظار فهرسة النصوص: بقي %n مقال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Relabel as %1</source>
        <translation>تغيير الوسم إلى %1</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>Accept as %1</source>
        <translation>قبول بوسم %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <source>%1 under the threshold</source>
        <translation>%1 دون الحد الأدنى</translation>
    </message>
    <message>
        <source>Back to the first suggestion.</source>
        <translation>عودة إلى الاقتراح الأول.</translation>
    </message>
    <message>
        <source>On to the last suggestion.</source>
        <translation>انتقال إلى الاقتراح الأخير.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion — Enter accepts, Backspace rejects|%n suggestions — Enter accepts, Backspace rejects</source>
        <translation>
            <numerusform>لا اقتراحات</numerusform>
            <numerusform>اقتراح واحد — Enter للقبول، Backspace للرفض</numerusform>
            <numerusform>اقتراحان — Enter للقبول، Backspace للرفض</numerusform>
            <numerusform>%n اقتراحات — Enter للقبول، Backspace للرفض</numerusform>
            <numerusform>%n اقتراحًا — Enter للقبول، Backspace للرفض</numerusform>
            <numerusform>%n اقتراح — Enter للقبول، Backspace للرفض</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>الاتفاق بين الموسّمين…</translation>
    </message>
    <message>
        <source>Annotation guidelines</source>
        <translation>دليل التوسيم</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Mark done and go to next</source>
        <translation>منجز، وانتقل إلى التالي</translation>
    </message>
    <message>
        <source>Accept them all, reject them all, or mark the article done and leave them?</source>
        <translation>هل تقبلها كلها، أم ترفضها كلها، أم تضع علامة «منجز» على المقال وتتركها؟</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>قبول الكل</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>رفض الكل</translation>
    </message>
    <message>
        <source>Done anyway</source>
        <translation>منجز على أي حال</translation>
    </message>
    <message>
        <source>Don't ask again</source>
        <translation>لا تسأل مرة أخرى</translation>
    </message>
    <message>
        <source>Flag article</source>
        <translation>الإبلاغ عن المقال</translation>
    </message>
    <message>
        <source>What is wrong with this article?</source>
        <translation>ما المشكلة في هذا المقال؟</translation>
    </message>
    <message>
        <source>Search titles…</source>
        <translation>ابحث في العناوين…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Exact characters</source>
        <translation>أحرف بعينها</translation>
    </message>
    <message>
        <source>Do not snap selections to whole words (or hold Alt while dragging)</source>
        <translation>لا توسّع التحديد إلى كلمات كاملة (أو اضغط Alt أثناء السحب)</translation>
    </message>
    <message>
        <source>Exact characters: on for every selection, on every article, until Ctrl+E</source>
        <translation>أحرف بعينها: مفعّل لكل تحديد وفي كل مقال حتى Ctrl+E</translation>
    </message>
    <message>
        <source>Suggestions:</source>
        <translation>الاقتراحات:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>معطّلة</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>القواعد</translation>
    </message>
    <message>
        <source>learned patterns</source>
        <translation>الأنماط المتعلَّمة</translation>
    </message>
    <message>
        <source>rules + learned patterns</source>
        <translation>القواعد + الأنماط المتعلَّمة</translation>
    </message>
    <message>
        <source>rules + patterns + trained model</source>
        <translation>القواعد + الأنماط + النموذج المدرَّب</translation>
    </message>
    <message>
        <source>trained model</source>
        <translation>النموذج المدرَّب</translation>
    </message>
    <message>
        <source>CAMeL NER</source>
        <translation>CAMeL NER</translation>
    </message>
    <message>
        <source>Minimum score:</source>
        <translation>أدنى درجة:</translation>
    </message>
    <message>
        <source>Suggestions scoring under this are hidden</source>
        <translation>تُخفى الاقتراحات التي تقل درجتها عن هذا الحد</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>م&amp;لف</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>ال&amp;مقال</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>النم&amp;وذج</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Next article</source>
        <translation>المقال التالي</translation>
    </message>
    <message>
        <source>Previous article</source>
        <translation>المقال السابق</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>تخطٍّ</translation>
    </message>
    <message>
        <source>Flag with a comment…</source>
        <translation>إبلاغ مع تعليق…</translation>
    </message>
    <message>
        <source>Ask about unreviewed suggestions when done</source>
        <translation>السؤال عن الاقتراحات غير المراجَعة عند الإنجاز</translation>
    </message>
    <message>
        <source>Toggle clitic in span</source>
        <translation>إدخال السابقة في المقطع أو إخراجها</translation>
    </message>
    <message>
        <source>Label all mentions</source>
        <translation>وسم كل الإشارات</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <source>Exact character selection</source>
        <translation>تحديد أحرف بعينها</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>Find in list</source>
        <translation>بحث في القائمة</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>العودة إلى المقال</translation>
    </message>
    <message>
        <source>Train…</source>
        <translation>تدريب…</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>إلغاء التدريب</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion is still unreviewed.|%n suggestions are still unreviewed.</source>
        <translation>
            <numerusform>لا اقتراحات بلا مراجعة.</numerusform>
            <numerusform>بقي اقتراح واحد بلا مراجعة.</numerusform>
            <numerusform>بقي اقتراحان بلا مراجعة.</numerusform>
            <numerusform>بقيت %n اقتراحات بلا مراجعة.</numerusform>
            <numerusform>بقي %n اقتراحًا بلا مراجعة.</numerusform>
            <numerusform>بقي %n اقتراح بلا مراجعة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>add span</source>
        <translation>إضافة مقطع</translation>
    </message>
    <message>
        <source>relabel span</source>
        <translation>تغيير وسم المقطع</translation>
    </message>
    <message>
        <source>delete span</source>
        <translation>حذف مقطع</translation>
    </message>
    <message>
        <source>take option</source>
        <translation>اعتماد خيار</translation>
    </message>
    <message>
        <source>take a version</source>
        <translation>اعتماد نسخة</translation>
    </message>
    <message>
        <source>reject all options</source>
        <translation>رفض كل الخيارات</translation>
    </message>
    <message>
        <source>change strategy</source>
        <translation>تغيير طريقة الدمج</translation>
    </message>
    <message>
        <source>accept as gold</source>
        <translation>اعتماد كمرجع ذهبي</translation>
    </message>
    <message>
        <source>Pull from the hub and rebuild the queue</source>
        <translation>السحب من الخادم وإعادة بناء قائمة المراجعة</translation>
    </message>
    <message>
        <source>No article has two finished annotations yet. Annotators mark articles done with Ctrl+Enter.</source>
        <translation>لا مقال أنهى توسيمَه موسِّمان بعد. يُنهي الموسِّم المقال بـ Ctrl+Enter.</translation>
    </message>
    <message>
        <source>This is the last article in the queue.</source>
        <translation>هذا آخر مقال في القائمة.</translation>
    </message>
    <message>
        <source>This is the first article in the queue.</source>
        <translation>هذا أول مقال في القائمة.</translation>
    </message>
    <message>
        <source>No conflicts in this article.</source>
        <translation>لا خلافات في هذا المقال.</translation>
    </message>
    <message>
        <source>This is the last conflict.</source>
        <translation>هذا آخر خلاف.</translation>
    </message>
    <message>
        <source>This is the first conflict.</source>
        <translation>هذا أول خلاف.</translation>
    </message>
    <message>
        <source>Go to a conflict first (F8).</source>
        <translation>انتقل إلى خلاف أولاً (F8).</translation>
    </message>
    <message>
        <source>There is no annotator %1 on this article.</source>
        <translation>لا يوجد موسِّم رقم %1 في هذا المقال.</translation>
    </message>
    <message>
        <source>No label on key</source>
        <translation>لا وسم على المفتاح</translation>
    </message>
    <message>
        <source>Select some text first.</source>
        <translation>حدّد نصاً أولاً.</translation>
    </message>
    <message>
        <source>The gold was accepted before; it is a draft again until you accept it.</source>
        <translation>كان المرجع الذهبي معتمداً؛ صار مسودة حتى تعتمده من جديد.</translation>
    </message>
    <message>
        <source>Gold saved for</source>
        <translation>حُفظ المرجع الذهبي لـ</translation>
    </message>
    <message>
        <source>Every article in the queue has accepted gold.</source>
        <translation>لكل مقالات القائمة مرجع ذهبي معتمد.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>%1 left of %2</source>
        <translation>%1 متبقية من %2</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>المراجِع:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Conflicts left:</source>
        <translation>الخلافات المتبقية:</translation>
    </message>
    <message>
        <source>Agreement:</source>
        <translation>الاتفاق:</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <source>Arabic News Annotator</source>
        <translation>موسِّم الأخبار العربية</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>محسوم</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>in the draft</source>
        <translation>في المسودة</translation>
    </message>
    <message>
        <source>para. %1</source>
        <translation>فقرة %1</translation>
    </message>
    <message>
        <source>Draft, not saved yet: derived from the strategy</source>
        <translation>مسودة غير محفوظة بعد: مشتقة من طريقة الدمج</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>المسودة محفوظة</translation>
    </message>
    <message>
        <source>Accepted gold</source>
        <translation>مرجع ذهبي معتمد</translation>
    </message>
    <message>
        <source>Next conflict</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <source>Previous conflict</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <source>Take annotator N's version</source>
        <translation>اعتماد نسخة الموسِّم رقم N</translation>
    </message>
    <message>
        <source>Reject all options of the conflict</source>
        <translation>رفض كل خيارات الخلاف</translation>
    </message>
    <message>
        <source>Take the dashed option under the cursor</source>
        <translation>اعتماد الخيار المنقّط تحت المؤشر</translation>
    </message>
    <message>
        <source>Label the selection / delete the span</source>
        <translation>وسم التحديد / حذف المقطع</translation>
    </message>
    <message>
        <source>Accept as gold</source>
        <translation>اعتماد كمرجع ذهبي</translation>
    </message>
    <message>
        <source>Merge strategy:</source>
        <translation>طريقة الدمج:</translation>
    </message>
    <message>
        <source>unanimous</source>
        <translation>بالإجماع</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>بالأغلبية</translation>
    </message>
    <message>
        <source>at least k annotators</source>
        <translation>بحدٍّ أدنى من الموسِّمين</translation>
    </message>
    <message>
        <source>k =</source>
        <translation>العدد:</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>دليل الألوان:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>م&amp;لف</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Take annotator %1's version</source>
        <translation>اعتماد نسخة الموسِّم %1</translation>
    </message>
    <message>
        <source>Next article in the queue</source>
        <translation>المقال التالي في القائمة</translation>
    </message>
    <message>
        <source>Previous article in the queue</source>
        <translation>المقال السابق في القائمة</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>العودة إلى المقال</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Enter takes this option; Alt+0 rejects all options</source>
        <translation>Enter يعتمد هذا الخيار، وAlt+0 يرفض كل الخيارات</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>الخيارات</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>all annotators agree</source>
        <translation>اتفاق الجميع</translation>
    </message>
    <message>
        <source>partial: others left it unmarked</source>
        <translation>جزئي: لم يحدّده الآخرون</translation>
    </message>
    <message>
        <source>conflict: other boundaries or label</source>
        <translation>خلاف: حدود أو وسم مختلف</translation>
    </message>
    <message numerus="yes">
        <source>%n span|%n spans</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <source>Number: %1</source>
        <translation>العدد: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>الفئة: %1</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>قتلى</translation>
    </message>
    <message>
        <source>wounded</source>
        <translation>جرحى</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>أسرى</translation>
    </message>
    <message>
        <source>displaced</source>
        <translation>نازحون</translation>
    </message>
    <message>
        <source>other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>قاعدة</translation>
    </message>
    <message>
        <source>model</source>
        <translation>نموذج</translation>
    </message>
    <message>
        <source>CAMeL</source>
        <translation>CAMeL</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>ذهبي</translation>
    </message>
    <message>
        <source>patterns</source>
        <translation>الأنماط</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>متخطّى</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>مُبلَّغ عنه</translation>
    </message>
</context>
</TS>
