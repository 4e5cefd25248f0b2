import Foundation

/// Header field text for the messages `carrier mail` composes: one line, no
/// control characters, folded before 78 columns where a space allows
/// (RFC 5322 §2.1.1, §2.2.3).
enum HeaderText {
    /// The line length folding aims for (RFC 5322 §2.1.1).
    static let preferredLineLength = 78

    /// `text` as one line: every run of control characters (CR and LF included,
    /// also the Unicode line and paragraph separators) becomes one space and the
    /// ends are trimmed, so a value from `-s` or from a header being answered
    /// can never end its field and start another.
    static func singleLine(_ text: String) -> String {
        var line = String.UnicodeScalarView()
        var inControls = false
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                if !inControls { line.append(" ") }
                inControls = true
            } else {
                line.append(scalar)
                inControls = false
            }
        }
        return String(line).trimmingCharacters(in: .whitespaces)
    }

    /// `Name: value` with CRLF line ends (the last included), folded before
    /// spaces outside quoted strings so lines stay within 78 characters where the
    /// value allows; unfolding (removing each CRLF) gives back `Name: value` exactly.
    static func field(_ name: String, _ value: String) -> String {
        var text = name + ":"
        var lineLength = text.count
        var wordsOnLine = 0
        for word in foldableWords(singleLine(value)) {
            if wordsOnLine > 0 && lineLength + 1 + word.count > preferredLineLength {
                text += "\r\n"
                lineLength = 0
                wordsOnLine = 0
            }
            text += " " + word
            lineLength += 1 + word.count
            wordsOnLine += 1
        }
        return text + "\r\n"
    }

    /// `text` split at each space that is not inside a quoted string (RFC 5322 §3.2.4).
    private static func foldableWords(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        var quoted = false
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if escaped {
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                words.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        words.append(text[start...])
        return words
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
