import MailCore

/// Parses the `esmtp-param` lists after MAIL and RCPT paths (RFC 5321 §4.1.2):
/// `keyword[=value]` separated by spaces. Unknown keywords are refused with
/// `555 5.5.4` (RFC 5321 §4.1.1.11).
enum ESMTPParameterParser {
    static func pairs(_ bytes: ArraySlice<UInt8>) throws(SMTPReply) -> [(String, String?)] {
        let text = String(decoding: bytes, as: UTF8.self)
        var result: [(String, String?)] = []
        for item in text.split(separator: " ", omittingEmptySubsequences: true) {
            let pieces = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pieces[0].uppercased()
            guard !key.isEmpty, key.utf8.allSatisfy({ SMTPCharacterClass.isLetDig($0) || $0 == UInt8(ascii: "-") }) else {
                throw SMTPReply.syntax("Bad parameter syntax: \(item)")
            }
            if pieces.count == 2 {
                let value = String(pieces[1])
                guard !value.isEmpty, value.utf8.allSatisfy({ $0 > 32 && $0 != 127 }) else {
                    throw SMTPReply.syntax("Bad parameter value: \(item)")
                }
                result.append((key, value))
            } else {
                result.append((key, nil))
            }
        }
        return result
    }

    static func mailParameters(_ bytes: ArraySlice<UInt8>) throws(SMTPReply) -> MailParameters {
        var params = MailParameters()
        for (key, value) in try pairs(bytes) {
            switch key {
            case "SIZE":
                guard let value, value.count <= 18, value.allSatisfy(\.isASCII), let n = Int(value), n >= 0 else {
                    throw SMTPReply.syntax("Bad SIZE parameter")
                }
                params.size = n
            case "BODY":
                guard let value, let body = MailParameters.BodyType(rawValue: value.uppercased()) else {
                    throw SMTPReply.parameterNotImplemented("Unsupported BODY parameter")
                }
                if body == .binaryMIME { throw SMTPReply.parameterNotImplemented("BODY=BINARYMIME is not supported") }
                params.body = body
            case "SMTPUTF8":
                guard value == nil else { throw SMTPReply.syntax("SMTPUTF8 takes no value") }
                params.smtpUTF8 = true
            case "RET":
                guard let value, let ret = MailParameters.Return(rawValue: value.uppercased()) else {
                    throw SMTPReply.syntax("Bad RET parameter")
                }
                params.dsnReturn = ret
            case "ENVID":
                guard let value, value.utf8.count <= 100 else { throw SMTPReply.syntax("Bad ENVID parameter") }
                params.envelopeID = value
            case "AUTH":
                guard let value else { throw SMTPReply.syntax("Bad AUTH parameter") }
                params.auth = value
            default:
                throw SMTPReply.parameterNotImplemented("Unsupported option: \(key)")
            }
        }
        return params
    }

    static func rcptParameters(_ bytes: ArraySlice<UInt8>) throws(SMTPReply) -> RcptParameters {
        var params = RcptParameters()
        for (key, value) in try pairs(bytes) {
            switch key {
            case "NOTIFY":
                guard let value else { throw SMTPReply.syntax("Bad NOTIFY parameter") }
                var list: [RcptParameters.Notify] = []
                for word in value.split(separator: ",") {
                    guard let n = RcptParameters.Notify(rawValue: word.uppercased()) else {
                        throw SMTPReply.syntax("Bad NOTIFY parameter")
                    }
                    list.append(n)
                }
                if list.contains(.never) && list.count > 1 { throw SMTPReply.syntax("NOTIFY=NEVER cannot be combined") }
                params.notify = list
            case "ORCPT":
                guard let value, value.contains(";"), value.utf8.count <= 500 else {
                    throw SMTPReply.syntax("Bad ORCPT parameter")
                }
                params.originalRecipient = value
            default:
                throw SMTPReply.parameterNotImplemented("Unsupported option: \(key)")
            }
        }
        return params
    }
}
