@testable import carrier

/// A `LineSource` that returns prepared lines, then end of input.
final class ScriptedLines: LineSource {
    let isInteractive: Bool
    private var lines: [String]

    init(_ lines: [String], interactive: Bool = false) {
        self.lines = lines
        isInteractive = interactive
    }

    func readLine(prompt: String) -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}
