import traceback
from PySide6.QtCore import Qt, QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit
from test_workbench import ARTICLE, SECOND, THIRD, view_of

def test_x(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE, SECOND, THIRD])
    w = open_window(path)
    view = view_of(w)
    orig = w.open_article
    def spy(aid):
        print("open", aid); traceback.print_stack(limit=8)
        orig(aid)
    w.open_article = spy
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    print("now", w.article_id)
