/// A command typed to `carrier mail`'s reader, parsed as mailx reads it: a
/// command name (any abbreviation mailx accepts, `p` for `print`), then its
/// arguments; a line of just a message list prints those messages, an empty
/// line is `next`.
enum ReaderCommand: Equatable {
    case headers
    case print(MessageList)
    case next
    case delete(MessageList)
    case undelete(MessageList)
    /// `s [LIST] FILE`: the file is the last word.
    case save(MessageList, file: String)
    case reply(MessageList)
    case quit
    case exit
    case help

    /// The commands by full name, in the order abbreviations are tried, with
    /// the shortest abbreviation accepted.
    private static let names: [(name: String, shortest: Int, kind: Kind)] = [
        ("next", 1, .next), ("headers", 1, .headers), ("help", 3, .help), ("print", 1, .print),
        ("Print", 1, .print), ("type", 1, .print), ("Type", 1, .print), ("delete", 1, .delete),
        ("undelete", 1, .undelete), ("save", 1, .save), ("reply", 1, .reply), ("Reply", 1, .reply),
        ("quit", 1, .quit), ("xit", 1, .exit), ("exit", 2, .exit), ("?", 1, .help),
    ]

    private enum Kind {
        case next, headers, help, print, delete, undelete, save, reply, quit, exit
    }

    /// Characters that end a command name, so `p1` is `p 1` as in mailx.
    private static let nameEnders = Set(" \t0123456789$^.*-'\"")

    static func parse(_ line: String) throws(ReaderError) -> ReaderCommand {
        let text = line.drop { $0 == " " || $0 == "\t" }
        let name = String(text.prefix { !nameEnders.contains($0) })
        let arguments = try words(String(text.dropFirst(name.count)))
        if name.isEmpty {
            return arguments.isEmpty ? .next : .print(try MessageList.parse(arguments))
        }
        guard let kind = names.first(where: { $0.name.hasPrefix(name) && name.count >= $0.shortest })?.kind else {
            throw ReaderError(message: "Unknown command: \"\(name)\"")
        }
        switch kind {
        case .next: return arguments.isEmpty ? .next : .print(try MessageList.parse(arguments))
        case .headers: return .headers
        case .help: return .help
        case .print: return .print(try MessageList.parse(arguments))
        case .delete: return .delete(try MessageList.parse(arguments))
        case .undelete: return .undelete(try MessageList.parse(arguments))
        case .reply: return .reply(try MessageList.parse(arguments))
        case .quit: return .quit
        case .exit: return .exit
        case .save:
            guard let file = arguments.last else { throw ReaderError(message: "No file specified.") }
            return .save(try MessageList.parse(Array(arguments.dropLast())), file: file)
        }
    }

    /// The arguments split at blanks; single or double quotes keep blanks in a word.
    private static func words(_ text: String) throws(ReaderError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil else { throw ReaderError(message: "Missing closing quote") }
        if inWord { words.append(word) }
        return words
    }
}
