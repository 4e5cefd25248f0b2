import Testing
@testable import MailCore

@Suite struct EncodedWordTests {
    /// RFC 2047 §8, including the comment examples and their display forms.
    @Test(arguments: [
        ("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
        ("=?ISO-8859-1?Q?Olle_J=E4rnefors?=", "Olle Järnefors"),
        ("=?ISO-8859-1?Q?Patrik_F=E4ltstr=F6m?=", "Patrik Fältström"),
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
        ("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
         "If you can read this you understand the example."),
        ("=?US-ASCII*EN?Q?Keith_Moore?=", "Keith Moore"),
    ])
    func decodesRFCExamples(encoded: String, decoded: String) {
        #expect(EncodedWord.decode(encoded) == decoded)
    }

    @Test(arguments: [
        ("=?utf-8?b?4oKs?=", "€"),
        ("=?UTF-8?B?4oKs?=", "€"),
        ("=?utf-8?q?=E2=82?= =?utf-8?q?=AC?=", "€"),
        ("=?windows-1252?q?=80_=93x=94?=", "€ “x”"),
        ("=?iso-8859-15?q?=A4?=", "€"),
        ("=?utf-8?b?4oKs?= text =?utf-8?b?4oKs?=", "€ text €"),
        ("plain text", "plain text"),
        ("=?utf-8?q??=", ""),
        ("=?utf-8?b?YQ?=", "a"),
    ])
    func decodesCharsetsAndJoinsAdjacentWords(encoded: String, decoded: String) {
        #expect(EncodedWord.decode(encoded) == decoded)
    }

    /// Malformed or undecodable words are left exactly as written.
    @Test(arguments: [
        "=?utf-8?q?unterminated",
        "=?utf-8?x?abc?=",
        "=?utf-8?q?bad=ZZescape?=",
        "=?utf-8?b?not*base64?=",
        "=?koi8-r?q?=C1?=",
        "=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=",
        "=?utf-8?q?has space?=",
        "=??q?abc?=",
        "=?=?=?=?=?",
        "a =? b ?= c",
    ])
    func leavesMalformedWordsLiterally(text: String) {
        #expect(EncodedWord.decode(text) == text)
    }

    @Test(arguments: [
        "Hello world",
        "Grüße aus Köln",
        "日本語のテキストです。これは長い件名で、複数のエンコードされた単語に分割する必要があります。",
        "Mixed ascii and ünïcödé  with  double  spaces",
        "looks =?utf-8?q?encoded?= but is not",
        "tab\there",
        String(repeating: "é", count: 200),
        "emoji 👩‍👩‍👧 family",
    ])
    func encodeRoundTripsInShortWords(text: String) {
        let encoded = EncodedWord.encode(text)
        #expect(encoded.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
        #expect(EncodedWord.decode(encoded) == text)
        for word in encoded.split(separator: " ") where word.hasPrefix("=?") {
            #expect(word.utf8.count <= 75)
        }
    }

    @Test func encodeKeepsPlainAsciiAndPicksShorterEncoding() {
        #expect(EncodedWord.encode("Saying Hello") == "Saying Hello")
        #expect(EncodedWord.encode("Re: café") == "Re: =?utf-8?b?Y2Fmw6k=?=")
        #expect(EncodedWord.encode("Re: Verkehrsübersicht") == "Re: =?utf-8?q?Verkehrs=C3=BCbersicht?=")
    }
}
