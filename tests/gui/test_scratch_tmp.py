import traceback
from PySide6.QtCore import Qt, QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit
from test_workbench import ARTICLE, SECOND, THIRD, view_of
from annotator.gui.article_view import ArticleView
from annotator.core.store import Project
def test_x(qtbot, make_project, open_window):
    filler = "\n\n".join(f"فقرة رقم {i} عن الأحداث في ريف حلب الغربي وما جرى فيها." for i in range(80))
    text = filler + "\n\nوأعلنت هيئة تحرير الشام سيطرتها على القرية."
    path, ids = make_project([text])
    with Project.open(path) as p:
        first = p.add_span(ids[0], "hala", 0, 4, "ACTOR")
    orig = ArticleView.set_article
    def spy(self, text):
        self.verticalScrollBar().valueChanged.connect(lambda v: (print("scroll", v), traceback.print_stack(limit=12)))
        orig(self, text)
    ArticleView.set_article = spy
    try:
        w = open_window(path)
    finally:
        ArticleView.set_article = orig
    print(view_of(w).verticalScrollBar().value())
