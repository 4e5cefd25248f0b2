import Foundation

/// Writes `carrier`'s diagnostics to stderr in Postfix's `program: severity: text` form.
enum Diagnostics {
    /// `carrier: warning: TEXT`.
    static func warning(_ text: String) {
        line("warning: \(text)")
    }

    /// `carrier: TEXT`.
    static func line(_ text: String) {
        FileHandle.standardError.write(Data("carrier: \(text)\n".utf8))
    }
}
