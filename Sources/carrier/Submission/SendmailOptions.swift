/// The command line of Postfix/Sendmail's `sendmail` (sendmail(1)), parsed by
/// hand because its options do not follow modern conventions (`-oi`, `-fADDR`,
/// `-f ADDR`, `-bs`, `--` before recipients).
struct SendmailOptions: Equatable {
    /// What `-b` asked for.
    enum Mode: Equatable {
        /// Deliver a message read from stdin (the default, `-bm`).
        case deliver
        /// `-bs`: an SMTP session on stdin/stdout.
        case smtpSession
        /// `-bv`: report how each recipient would be delivered, send nothing.
        case verify
        /// `-bp`: list the queue (mailq).
        case listQueue
        /// `-bi`: rebuild the aliases (newaliases).
        case rebuildAliases
        /// `-q`: process the queue now.
        case flushQueue
    }

    var mode: Mode = .deliver
    var extractRecipients = false
    /// `-i` / `-oi`: a line with a single dot does not end the message.
    var ignoreDots = false
    var sender: String?
    var fullName: String?
    var configFile: String?
    var recipients: [String] = []
    /// Options accepted for compatibility that change nothing (`-oem`, `-v`...), for a warning.
    var ignored: [String] = []

    /// Why a command line was refused.
    struct UsageError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws -> SendmailOptions {
        var options = SendmailOptions()
        var index = 0
        func value(_ flag: String, _ attached: Substring) throws -> String {
            if !attached.isEmpty { return String(attached) }
            index += 1
            guard index < arguments.count else { throw UsageError(description: "option \(flag) requires an argument") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                options.recipients += arguments[(index + 1)...]
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                options.recipients.append(argument)
                index += 1
                continue
            }
            if argument == "--config" {
                options.configFile = try value("--config", "")
                index += 1
                continue
            }
            let flag = argument.dropFirst().first!
            let rest = argument.dropFirst(2)
            switch flag {
            case "t": options.extractRecipients = true
            case "i": options.ignoreDots = true
            case "f", "r": options.sender = try value("-\(flag)", rest)
            case "F": options.fullName = try value("-F", rest)
            case "C": options.configFile = try value("-C", rest)
            case "o":
                let option = try value("-o", rest)
                if option == "i" { options.ignoreDots = true } else { options.ignored.append("-o\(option)") }
            case "b":
                switch rest {
                case "m", "": options.mode = .deliver
                case "s": options.mode = .smtpSession
                case "v": options.mode = .verify
                case "p": options.mode = .listQueue
                case "i": options.mode = .rebuildAliases
                default: throw UsageError(description: "unsupported option -b\(rest)")
                }
            case "q": options.mode = .flushQueue
            case "v", "m", "n", "U", "x": options.ignored.append(argument)
            case "N", "R", "V", "B", "L", "O", "h":
                _ = try value("-\(flag)", rest)
                options.ignored.append("-\(flag)")
            default:
                throw UsageError(description: "unsupported option \(argument)")
            }
            index += 1
        }
        return options
    }
}
