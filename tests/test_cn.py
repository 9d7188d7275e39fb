"""Official Chinese text helpers (render/cn.py): numbers for any count, dates, periods, full-width punctuation."""
import pytest

from briefing.brief.cn import cn_date, cn_number, full_width, period_label


@pytest.mark.parametrize("n, chinese", [
    (0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (20, "二十"), (21, "二十一"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"), (200, "二百"),
    (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (10000, "一万"), (10001, "一万零一"),
    (100000, "十万"), (12345, "一万二千三百四十五"),
])
def test_cn_number(n, chinese):
    assert cn_number(n) == chinese


def test_cn_number_counts_every_heading_of_a_long_section():
    names = [cn_number(n) for n in range(1, 1001)]
    assert len(set(names)) == 1000 and all(names)


@pytest.mark.parametrize("start, end, label", [
    ("2025-11-24", "2025-11-30", "2025年11月24日—11月30日"),
    ("2025-12-29", "2026-01-04", "2025年12月29日—2026年1月4日"),
    ("2024-05-14", "2024-05-14", "2024年5月14日"),
])
def test_period_label(start, end, label):
    assert period_label(start, end) == label


def test_cn_date_never_none():
    assert cn_date("2024-05-04") == "5月4日" and cn_date("2024-05-04", year=True) == "2024年5月4日"
    assert cn_date(None) == "" and cn_date("yesterday") == ""


@pytest.mark.parametrize("raw, official", [
    ("5月14日上午,青溪区举行仪式;总投资约1,200万元。", "5月14日上午，青溪区举行仪式；总投资约1,200万元。"),
    ("时间:14:30开始", "时间：14:30开始"), ("4月21日~23日,区领导", "4月21日至23日，区领导"),
    ("“双轮驱动”,积极", "“双轮驱动”，积极"), ("增长3.6%,同比", "增长3.6%，同比"), ("是否落实?", "是否落实？"),
    ("a,b;c:d", "a,b;c:d"), ("1~3", "1~3"), ("", ""),
])
def test_full_width(raw, official):
    assert full_width(raw) == official
    assert full_width(official) == official
