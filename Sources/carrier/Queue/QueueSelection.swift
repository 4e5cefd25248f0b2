import Foundation

/// The queue ids a `postsuper` option names: ids, `ALL`, or `-` for ids read
/// from standard input, as Postfix's postsuper takes them.
struct QueueSelection: Equatable {
    var all = false
    var ids: [String] = []

    init(_ arguments: [String], standardInput: () -> String = {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }) {
        for argument in arguments {
            switch argument {
            case "ALL": all = true
            case "-": ids += standardInput().split(whereSeparator: \.isWhitespace).map(String.init)
            default: ids.append(argument)
            }
        }
    }

    var isEmpty: Bool { !all && ids.isEmpty }

    /// nil for ALL (the store's "every message"), else the ids.
    var storeArgument: [String]? { all ? nil : ids }

    func contains(_ id: String) -> Bool { all || ids.contains(id) }
}
