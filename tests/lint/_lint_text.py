"""Generated text for the lint tests: real words and made-up ones, several scripts,
clean and damaged in every way the text rules are about."""

from __future__ import annotations

import random
from collections.abc import Iterator

import ftfy.bad_codecs  # registers "sloppy-windows-1252": cp1252 that decodes every byte

assert ftfy.bad_codecs  # imported for its side effect

__all__ = ["mangled", "sentence", "strings", "variants"]

# Real words, and alphabets for made-up ones, of several scripts.
WORDS = {
    "fr": "élection économie été très où déjà garçon français cœur œuvre forêt Noël".split(),
    "de": "Straße Größe Übersetzung Mädchen Käse über schön Bürger Brötchen heißen".split(),
    "es": "niño año señor corazón jamás canción pingüino acción ¿cómo? ¡sí!".split(),
    "pt": "ação coração não irmã avô pão informação São João".split(),
    "pl": "źródło żółć łódź gęś Wrocław zażółcić jaźń".split(),
    "cs": "škola čeština řeka žena ďábel ťava kůň úterý".split(),
    "tr": "ığdır şehir çocuk gözlük Türkiye İzmir".split(),
    "is": "Þingvellir ævintýri kærleikur æðardúnn fjörður".split(),
    "vi": "Việt Nam tiếng người được những phố".split(),
    "el": "Ελλάδα εφημερίδα ειδήσεις Αθήνα ψηφοφορία".split(),
    "ru": "новости Москва правительство экономика выборы".split(),
    "uk": "Україна їжак ґудзик єдність".split(),
    "he": "חדשות ירושלים ממשלה כלכלה".split(),
    "ar": "أخبار القاهرة حكومة اقتصاد".split(),
    "hi": "समाचार दिल्ली सरकार अर्थव्यवस्था".split(),
    "th": "ข่าว กรุงเทพ รัฐบาล".split(),
    "ja": "日本 経済 新聞 東京 ニュース ひらがな カタカナ".split(),
    "zh": "中国 新闻 经济 北京 政府".split(),
    "ko": "한국 뉴스 경제 서울 정부".split(),
}
ALPHABETS = {
    "french": "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿ",  # œ only in real words
    "german": "abcdefghijklmnopqrstuvwxyzäöüß",
    "spanish": "abcdefghijklmnopqrstuvwxyzáéíñóúü",
    "polish": "aąbcćdeęfghijklłmnńoóprsśtuwyzźż",
    "czech": "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž",
    "nordic": "abcdefghijklmnopqrstuvwxyzæøåäöðþ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґ",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "kana": "あいうえおかきくけこさしすせそアイウエオカキクケコ",
    "hangul": "가나다라마바사아자차카타파하",
}
PUNCTUATION = ["", ",", ":", " —", " –", "…", "!", "?", "’s", "”", "“", "»", "«", " 😀", " 🎉"]


ASCII_PUNCTUATION = ["", ",", ":", "!", "?", " -"]


def sentence(rng: random.Random) -> str:
    """Real words with any punctuation; made-up words of one alphabet with ASCII punctuation.

    A made-up word glued to a curly quote can be, by chance, exactly the
    mangled UTF-8 of another character ("æœ”" is what "朔" becomes read as
    Windows-1252), which no detector can tell from mojibake, and which real
    words do not do.
    """
    words: list[str] = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.6:
            words.append(rng.choice(WORDS[rng.choice(list(WORDS))]) + rng.choice(PUNCTUATION))
        else:
            alphabet = ALPHABETS[rng.choice(list(ALPHABETS))]
            word = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 9)))
            words.append(word + rng.choice(ASCII_PUNCTUATION))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def mangled(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec)


def variants(rng: random.Random, text: str) -> Iterator[str]:
    """``text``, and damaged forms of it: every kind the text rules are about."""
    yield text
    yield mangled(text, "sloppy-windows-1252")
    yield mangled(text, "latin-1")
    yield mangled(mangled(text, "sloppy-windows-1252"), "sloppy-windows-1252")
    words = text.split(" ")
    at = rng.randrange(len(words))
    one = mangled(words[at], rng.choice(["sloppy-windows-1252", "latin-1"]))
    yield " ".join([*words[:at], one, *words[at + 1 :]])
    # UTF-8 read as Windows-1252 whose no-break spaces became spaces ("voilÃ le").
    yield mangled(text, "sloppy-windows-1252").replace("\xa0", " ")
    for insert in ("&amp;", "&#8217;", "&foo;", "AT&T", "<b>", "</p>", "List<T>", "a < b"):
        yield " ".join([*words[:at], insert, *words[at:]])
    for space in ("  ", "\xa0", "\u200b", "\t", "\u202f", "\u200d"):
        yield text.replace(" ", space, 1)
    yield " " + text
    yield text + " "


def strings(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [variant for _ in range(count) for variant in variants(rng, sentence(rng))]
