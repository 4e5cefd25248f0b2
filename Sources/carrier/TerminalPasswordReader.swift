import Foundation

/// Reads one line from the terminal on standard input with echo off (termios), so a
/// typed password is not shown.
///
/// Canonical mode and signals are off while it reads and the line is edited here
/// (Backspace, Ctrl-U): Ctrl-C cancels the read instead of killing the process, so the
/// terminal's echo is always restored.
enum TerminalPasswordReader {
    private static let interrupt: UInt8 = 0x03
    private static let endOfFile: UInt8 = 0x04
    private static let backspace: UInt8 = 0x08
    private static let killLine: UInt8 = 0x15
    private static let delete: UInt8 = 0x7f

    /// Writes `prompt` to stderr and returns the line typed, without its newline.
    static func read(prompt: String) throws(CommandFailure) -> String {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw failure("cannot read the terminal settings") }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        withUnsafeMutableBytes(of: &quiet.c_cc) { controls in
            controls[Int(VMIN)] = 1
            controls[Int(VTIME)] = 0
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0 else { throw failure("cannot turn off echo") }
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let bytes = readLine() else { throw .refused("password entry cancelled") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of one line with the editing keys applied; nil when cancelled.
    private static func readLine() -> [UInt8]? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = Foundation.read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return line.isEmpty ? nil : line }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return line
            case interrupt: return nil
            case endOfFile: return line.isEmpty ? nil : line
            case backspace, delete: eraseLastCharacter(&line)
            case killLine: line.removeAll()
            default: line.append(byte)
            }
        }
    }

    /// Removes the last UTF-8 character: its continuation bytes and its lead byte.
    private static func eraseLastCharacter(_ line: inout [UInt8]) {
        while let last = line.popLast(), last & 0xc0 == 0x80 {}
    }

    private static func failure(_ what: String) -> CommandFailure {
        .refused("\(what): \(String(cString: strerror(errno)))")
    }
}
