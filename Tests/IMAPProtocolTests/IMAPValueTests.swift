import Testing
@testable import IMAPProtocol

/// Sequence sets, number sets, dates and flags.
@Suite struct IMAPValueTests {
    @Test func sequenceSetResolution() {
        let set = ParserDriver.set("2,4:7,9,12:*")
        #expect(set.resolved(largest: 15)?.numbers == [2, 4, 5, 6, 7, 9, 12, 13, 14, 15])
        #expect(ParserDriver.set("*:4,5:7").resolved(largest: 10)?.description == "4:10")
        #expect(ParserDriver.set("3291:*").resolved(largest: 100)?.description == "100:3291")
        #expect(ParserDriver.set("$").resolved(largest: 10) == nil)
        #expect(set.description == "2,4:7,9,12:*")
        #expect(set.mentionsLast)
    }

    @Test func numberSetCompaction() {
        #expect(IMAPNumberSet([1, 2, 3, 4, 5, 7, 9, 10, 11, 12]).description == "1:5,7,9:12")
        #expect(IMAPNumberSet([12, 3, 3, 1, 2]).description == "1:3,12")
        #expect(IMAPNumberSet([]).isEmpty)
        #expect(IMAPNumberSet(normalizing: [1...3, 2...8, 10...10, 9...9]).description == "1:10")
        #expect(IMAPNumberSet([UInt32.max, UInt32.max - 1]).description == "4294967294:4294967295")
        #expect(IMAPNumberSet([1, 2, 3, 4, 5, 7]).count == 6)
    }

    @Test func numberSetPreservingOrderKeepsPairs() {
        let source = IMAPNumberSet(preservingOrder: [305, 306, 307, 100, 101])
        #expect(source.description == "305:307,100:101")
        #expect(source.contains(100) && source.contains(306) && !source.contains(200))
    }

    @Test func numberSetContains() {
        let set = IMAPNumberSet([1, 2, 3, 10, 20, 21])
        #expect(set.contains(2) && set.contains(21) && !set.contains(4) && !set.contains(0) && !set.contains(22))
    }

    @Test func dates() {
        #expect(IMAPDate(parsing: "1-Feb-1994")?.description == "1-Feb-1994")
        #expect(IMAPDate(parsing: "01-feb-1994") == IMAPDate(year: 1994, month: 2, day: 1))
        #expect(IMAPDate(parsing: "29-Feb-2023") == nil)
        #expect(IMAPDate(parsing: "29-Feb-2024") != nil)
        #expect(IMAPDate(parsing: "1-Feb-94") == nil)
        #expect(IMAPDate(parsing: "1-Febr-1994") == nil)
        #expect(IMAPDate(year: 1970, month: 1, day: 2)?.daysSince1970 == 1)
        #expect(IMAPDate(year: 1994, month: 2, day: 1)! < IMAPDate(year: 1994, month: 2, day: 2)!)
    }

    @Test func dateTimes() {
        let date = IMAPDateTime(parsing: "17-Jul-1996 02:44:25 -0700")
        #expect(date?.zoneOffsetMinutes == -420)
        #expect(date?.description == "17-Jul-1996 02:44:25 -0700")
        #expect(IMAPDateTime(parsing: " 7-Feb-1994 22:43:04 -0800")?.description == "07-Feb-1994 22:43:04 -0800")
        #expect(IMAPDateTime(secondsSince1970: 0).description == "01-Jan-1970 00:00:00 +0000")
        for bad in ["17-Jul-1996 02:44:25", "17-Jul-1996 24:00:00 +0000", "17-Jul-1996 02:44:25 +0060",
                    "7-Feb-1994 22:43:04 -0800", "17-Jux-1996 02:44:25 -0700", "17-Jul-1996 02:44:25 *0700"] {
            #expect(IMAPDateTime(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func flags() {
        #expect(IMAPFlag("\\seen") == .seen)
        #expect(IMAPFlag("\\ANSWERED") == .answered)
        #expect(IMAPFlag("\\Recent") == .recent)
        #expect(IMAPFlag("\\Important") == .extension("Important"))
        #expect(IMAPFlag("$Forwarded") == .keyword("$Forwarded"))
        #expect(IMAPFlag("\\") == nil && IMAPFlag("a b") == nil && IMAPFlag("") == nil && IMAPFlag("x)") == nil)
        #expect(IMAPFlag.seen.description == "\\Seen" && IMAPFlag.extension("X").description == "\\X")
        #expect(IMAPFlag.draft.isSystemFlag && !IMAPFlag.recent.isSystemFlag)
    }

    @Test func partialRanges() {
        let data: [UInt8] = Array(0..<10)
        #expect(Array(IMAPPartial(offset: 2, length: 3).apply(to: data)) == [2, 3, 4])
        #expect(Array(IMAPPartial(offset: 8, length: 5).apply(to: data)) == [8, 9])
        #expect(IMAPPartial(offset: 20, length: 5).apply(to: data).isEmpty)
        #expect(Array(IMAPPartial(offset: 0, length: .max).apply(to: data)) == data)
    }

    @Test func mailboxAttributes() {
        #expect(IMAPMailboxAttribute("\\SENT") == .sent)
        #expect(IMAPMailboxAttribute("\\hasnochildren").rawValue == "\\HasNoChildren")
        #expect(IMAPMailboxAttribute.trash.isSpecialUse && !IMAPMailboxAttribute.noSelect.isSpecialUse)
    }

    @Test func continuationLines() {
        #expect(IMAPContinuationLine.isIdleDone(Array("done".utf8)))
        #expect(!IMAPContinuationLine.isIdleDone(Array("DONE ".utf8)))
        #expect(IMAPContinuationLine.isAuthenticationCancel([UInt8(ascii: "*")]))
        #expect(IMAPContinuationLine.authenticationResponse(Array("AGZyZWQ=".utf8)) == "AGZyZWQ=")
        #expect(IMAPContinuationLine.authenticationResponse(Array("a b".utf8)) == nil)
    }
}
