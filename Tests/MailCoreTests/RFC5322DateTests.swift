import Testing
@testable import MailCore

@Suite struct RFC5322DateTests {
    /// Dates of RFC 5322 Appendix A and obsolete forms of §4.3.
    @Test(arguments: [
        ("Fri, 21 Nov 1997 09:55:06 -0600", 880_127_706, -360),
        ("Tue, 1 Jul 2003 10:52:37 +0200", 1_057_049_557, 120),
        ("Thu, 13 Feb 1969 23:32:54 -0330", -27_723_426, -210),
        ("Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)",
         -27_723_480, -210),
        ("21 Nov 97 09:55:06 GMT", 880_106_106, 0),
        ("Fri, 21 Nov 1997 09(comment):   55  :  06 -0600", 880_127_706, -360),
        ("Fri, 21 Nov 1997 09:55:06 EST", 880_124_106, -300),
        ("Fri, 21 Nov 1997 09:55:06 pdt", 880_131_306, -420),
        ("Fri, 21 Nov 1997 09:55:06 Z", 880_106_106, 0),
        ("Fri, 21 Nov 1997 09:55:06 A", 880_106_106, 0),
        ("Fri, 21 Nov 1997 09:55:06", 880_106_106, 0),
        ("21 Nov 1997 09:55 +0000", 880_106_100, 0),
        ("Fri, 21 November 1997 09:55:06 +0000", 880_106_106, 0),
        ("Mon, 1 Jan 49 00:00:00 +0000", 2_493_072_000, 0),
        ("Mon, 1 Jan 050 00:00:00 +0000", -631_152_000, 0),
        ("Thu, 29 Feb 2024 23:59:60 +0000", 1_709_251_200, 0),
        ("Sun, 29 Nov 2026 09:41:18 +0000", 1_795_945_278, 0),
    ] as [(String, Int64, Int)])
    func parsesDates(text: String, seconds: Int64, offset: Int) {
        let parsed = RFC5322Date.parse(text)
        #expect(parsed?.secondsSince1970 == seconds)
        #expect(parsed?.zoneOffsetMinutes == offset)
    }

    @Test(arguments: [
        "", "garbage", "Fri, 32 Nov 1997 09:55:06 +0000", "Fri, 29 Feb 2023 09:55:06 +0000",
        "Fri, 21 Foo 1997 09:55:06 +0000", "Fri, 21 Nov 1997 24:00:00 +0000", "Fri, 21 Nov 1997 09:60:00 +0000",
        "Fri, 21 Nov 1997 09:55:06 +0popo", "Fri, 21 Nov 1997 09:55:06 +0070", "21 Nov 19977 09:55:06 +0000",
        "Fri, 21 Nov 1997 09:55:", "(unterminated comment 21 Nov 1997 09:55:06 +0000",
    ])
    func rejectsInvalidDates(text: String) {
        #expect(RFC5322Date.parse(text) == nil)
    }

    @Test(arguments: [
        (1_795_945_278, 0, "Sun, 29 Nov 2026 09:41:18 +0000"),
        (880_127_706, -360, "Fri, 21 Nov 1997 09:55:06 -0600"),
        (-27_723_426, -210, "Thu, 13 Feb 1969 23:32:54 -0330"),
        (0, 0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (951_782_400, 60, "Tue, 29 Feb 2000 01:00:00 +0100"),
        (-62_167_219_200, 0, "Sat, 01 Jan 0000 00:00:00 +0000"),
        (Int64.max, 0, "Fri, 31 Dec 9999 23:59:59 +0000"),
        (Int64.min, Int.max, "Wed, 05 Jan 0000 03:59:00 +9959"),
    ] as [(Int64, Int, String)])
    func formatsDates(seconds: Int64, offset: Int, text: String) {
        #expect(RFC5322Date.format(secondsSince1970: seconds, zoneOffsetMinutes: offset) == text)
    }

    @Test(arguments: [0, 1, -1, 86_399, 86_400, 1_000_000_000, -1_000_000_000, 4_102_444_800, 253_402_000_000])
    func formatAndParseRoundTrip(seconds: Int64) {
        for offset in [0, 330, -210, 840] {
            let text = RFC5322Date.format(secondsSince1970: seconds, zoneOffsetMinutes: offset)
            let parsed = RFC5322Date.parse(text)
            #expect(parsed?.secondsSince1970 == seconds, "\(text)")
            #expect(parsed?.zoneOffsetMinutes == offset)
        }
    }
}
