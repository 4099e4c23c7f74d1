<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>App</name>
    <message>
        <source>Your name (shown on your annotations):</source>
        <translation>اسمك (يظهر على توسيماتك):</translation>
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
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search titles…</source>
        <translation>ابحث في العناوين…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
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
        <source>trained model</source>
        <translation>النموذج المدرَّب</translation>
    </message>
    <message>
        <source>CAMeL NER</source>
        <translation>CAMeL NER</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>قبول الكل</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>&amp;المقال</translation>
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
        <translation>&amp;الفريق</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
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
        <source>Mark done and go to next</source>
        <translation>منجز، وانتقل إلى التالي</translation>
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
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
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
        <source>Flag article</source>
        <translation>الإبلاغ عن المقال</translation>
    </message>
    <message>
        <source>What is wrong with this article?</source>
        <translation>ما المشكلة في هذا المقال؟</translation>
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
        <source>This span has no clitic to toggle.</source>
        <translation>لا سابقة في هذا المقطع.</translation>
    </message>
    <message>
        <source>toggle clitic</source>
        <translation>تبديل السابقة</translation>
    </message>
    <message>
        <source>Select a span first.</source>
        <translation>حدّد مقطعاً أولاً.</translation>
    </message>
    <message>
        <source>No other mentions.</source>
        <translation>لا إشارات أخرى.</translation>
    </message>
    <message>
        <source>label all mentions</source>
        <translation>وسم كل الإشارات</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <source>%1 suggestions — Enter accepts, Backspace rejects</source>
        <translation>%1 اقتراحات — Enter للقبول، Backspace للرفض</translation>
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
</context>
<context>
    <name>SpanList</name>
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
