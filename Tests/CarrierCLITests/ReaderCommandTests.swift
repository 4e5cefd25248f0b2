import Testing
@testable import carrier

@Suite struct ReaderCommandTests {
    @Test(arguments: [
        ("", ReaderCommand.next),
        ("n", .next),
        ("next", .next),
        ("h", .headers),
        ("headers", .headers),
        ("hel", .help),
        ("?", .help),
        ("q", .quit),
        ("quit", .quit),
        ("x", .exit),
        ("ex", .exit),
        ("p", .print(MessageList())),
        ("p 1", .print(MessageList(items: [.number(1)]))),
        ("p1", .print(MessageList(items: [.number(1)]))),
        ("  t 2-3 $", .print(MessageList(items: [.range(2, 3), .last]))),
        ("type *", .print(MessageList(items: [.all]))),
        ("2", .print(MessageList(items: [.number(2)]))),
        ("n 3", .print(MessageList(items: [.number(3)]))),
        ("d", .delete(MessageList())),
        ("d 1 3", .delete(MessageList(items: [.number(1), .number(3)]))),
        ("u .", .undelete(MessageList(items: [.current]))),
        ("s saved.mbox", .save(MessageList(), file: "saved.mbox")),
        ("s 1-2 saved.mbox", .save(MessageList(items: [.range(1, 2)]), file: "saved.mbox")),
        ("s 1 'my saved mail'", .save(MessageList(items: [.number(1)]), file: "my saved mail")),
        ("r", .reply(MessageList())),
        ("R 2", .reply(MessageList(items: [.number(2)]))),
    ])
    func parses(line: String, command: ReaderCommand) throws {
        #expect(try ReaderCommand.parse(line) == command)
    }

    @Test(arguments: [
        ("frobnicate", "Unknown command: \"frobnicate\""),
        ("e 1", "Unknown command: \"e\""),
        ("s", "No file specified."),
        ("p x", "Bad message list \"x\""),
        ("p 3-1", "Bad message range \"3-1\""),
        ("s 1 'open", "Missing closing quote"),
    ])
    func refuses(line: String, message: String) {
        #expect(throws: ReaderError(message: message)) { try ReaderCommand.parse(line) }
    }
}
