"""The tab a browser test file shares (tests/browser/conftest.py: module_tab, clean_tab) is, for each test, what a
fresh one would be: what one test left (a stored value, a cookie, print media, a window size, a closed tab) is gone
for the next."""

from tests.browser.conftest import clean_tab, open_page


def test_what_a_test_leaves_is_gone_for_the_next(module_tab, server: str) -> None:
    with clean_tab(module_tab, 1000, 700) as tab:
        open_page(tab, server)
        tab.evaluate("() => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1'); }")
        tab.evaluate("() => { document.cookie = 'left=1'; }")
        tab.emulate_media(media="print")
    with clean_tab(module_tab) as tab:
        open_page(tab, server)
        assert tab.evaluate("() => [localStorage.getItem('left'), sessionStorage.getItem('left')]") == [None, None]
        assert "left=1" not in tab.evaluate("() => document.cookie")
        assert tab.evaluate("() => matchMedia('print').matches") is False
        assert tab.viewport_size == {"width": 1400, "height": 900}


def test_a_tab_a_test_closed_is_replaced(module_tab, server: str) -> None:
    with clean_tab(module_tab) as tab:
        tab.close()
    with clean_tab(module_tab) as tab:
        open_page(tab, server)
        assert tab.locator("h1").count() == 1
