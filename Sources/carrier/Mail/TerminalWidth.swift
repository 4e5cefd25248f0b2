import Foundation

/// The width the header summary is cut to: the terminal's columns when
/// standard output is a terminal, else `$COLUMNS`, else 80.
enum TerminalWidth {
    static let fallback = 80

    static func current() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? fallback
    }
}
