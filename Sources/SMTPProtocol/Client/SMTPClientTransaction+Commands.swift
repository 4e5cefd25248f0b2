extension SMTPClientTransaction {
    /// `MAIL FROM:<path>` with SIZE (RFC 1870 §6), BODY=8BITMIME (RFC 6152 §2),
    /// SMTPUTF8 (RFC 6531 §3.4) and RET/ENVID (RFC 3461 §4.3-4.4), each only
    /// when the server announced the extension.
    func mailCommand() -> [UInt8] {
        var line = "MAIL FROM:<\(message.sender?.description ?? "")>"
        if extensions.size != nil { line += " SIZE=\(message.size)" }
        if message.isEightBit && extensions.eightBitMIME { line += " BODY=8BITMIME" }
        if message.needsSMTPUTF8 { line += " SMTPUTF8" }
        if extensions.dsn {
            if let ret = message.dsnReturn { line += " RET=\(ret.rawValue)" }
            if let envid = message.envelopeID { line += " ENVID=\(envid)" }
        }
        return Array((line + "\r\n").utf8)
    }

    /// `RCPT TO:<path>` with NOTIFY and ORCPT (RFC 3461 §4.1-4.2) when the
    /// server announced DSN.
    func recipientCommand(_ index: Int) -> [UInt8] {
        let recipient = message.recipients[index]
        var line = "RCPT TO:<\(recipient.address)>"
        if extensions.dsn {
            let notify = recipient.parameters.notify
            if !notify.isEmpty { line += " NOTIFY=" + notify.map(\.rawValue).joined(separator: ",") }
            if let orcpt = recipient.parameters.originalRecipient { line += " ORCPT=\(orcpt)" }
        }
        return Array((line + "\r\n").utf8)
    }
}
