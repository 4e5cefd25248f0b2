import Testing
@testable import MailCore

@Suite struct MboxTests {
    @Test func fromLineUsesAsctimeInUTC() {
        #expect(MboxFormat.fromLine(sender: "alice@example.test", secondsSince1970: 1_795_945_278)
                == "From alice@example.test  Sun Nov 29 09:41:18 2026")
        #expect(MboxFormat.fromLine(sender: "", secondsSince1970: 0) == "From MAILER-DAEMON  Thu Jan  1 00:00:00 1970")
    }

    @Test func entryConvertsLineEndsAndQuotesFromLines() {
        let message = Array("Subject: x\r\n\r\nFrom here\r\n>From there\r\nend".utf8)
        let entry = MboxFormat.entry(message, sender: "a@b", secondsSince1970: 0, prependedHeaders: ["Return-Path: <a@b>"])
        #expect(String(decoding: entry, as: UTF8.self) ==
                "From a@b  Thu Jan  1 00:00:00 1970\nReturn-Path: <a@b>\nSubject: x\n\n>From here\n>From there\nend\n\n")
    }

    @Test func readerRoundTripsSeveralMessages() {
        var file: [UInt8] = []
        let first = Array("Subject: one\r\n\r\nFrom the start\r\n".utf8)
        let second = Array("Subject: two\r\n\r\nbody\r\n".utf8)
        file += MboxFormat.entry(first, sender: "a@b", secondsSince1970: 10)
        file += MboxFormat.entry(second, sender: "", secondsSince1970: 20)
        let entries = MboxReader.read(file)
        #expect(entries.count == 2)
        #expect(String(decoding: entries[0].message, as: UTF8.self) == "Subject: one\n\nFrom the start\n")
        #expect(entries[1].envelope.hasPrefix("MAILER-DAEMON  Thu Jan  1"))
        #expect(String(decoding: entries[1].message, as: UTF8.self) == "Subject: two\n\nbody\n")
        #expect(entries[1].range.upperBound == file.count)
    }

    /// A `From ` line not preceded by an empty line is content, not a separator.
    @Test func fromInsideParagraphIsNotASeparator() {
        let file = Array("From a  Thu Jan  1 00:00:00 1970\nSubject: x\n\nline\nFrom b is text\n\n".utf8)
        let entries = MboxReader.read(file)
        #expect(entries.count == 1)
        #expect(String(decoding: entries[0].message, as: UTF8.self).contains("From b is text"))
    }

    @Test func garbageBeforeFirstFromAndEmptyFile() {
        #expect(MboxReader.read([]).isEmpty)
        #expect(MboxReader.read(Array("not a mailbox\n".utf8)).isEmpty)
    }
}
