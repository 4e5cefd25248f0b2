import Foundation

/// The `i;unicode-casemap` collation of RFC 5051 §2, which SORT uses for
/// its text keys (RFC 5256 §3): every character to its titlecase, the
/// result in Unicode normalization form KD (whose characters are
/// titlecased again, as Dovecot does, so that "ﬁ" meets "FI"), compared
/// octet by octet in UTF-8. "é", "É" and "E\u{301}" sort together.
enum IMAPUnicodeCasemap {
    static func key(_ text: String) -> [UInt8] {
        let decomposed = String(titlecased(text.unicodeScalars)).decomposedStringWithCompatibilityMapping
        return Array(String(titlecased(decomposed.unicodeScalars)).utf8)
    }

    /// The simple (one character) titlecase mapping: a character whose
    /// titlecase is several characters (ß → Ss) stays itself.
    private static func titlecased(_ scalars: String.UnicodeScalarView) -> String.UnicodeScalarView {
        var mapped = String.UnicodeScalarView()
        for scalar in scalars {
            let titlecase = scalar.properties.titlecaseMapping.unicodeScalars
            if titlecase.count == 1, let single = titlecase.first {
                mapped.append(single)
            } else {
                mapped.append(scalar)
            }
        }
        return mapped
    }
}
