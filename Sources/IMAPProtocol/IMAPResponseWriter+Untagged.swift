/// Untagged data other than FETCH (RFC 9051 §7.2–§7.4, RFC 5161 §3.2,
/// RFC 7162 §3.2.10, RFC 5256 §4, RFC 2971 §3.2, RFC 9208 §5).
extension IMAPResponseWriter {
    mutating func untagged(_ data: IMAPUntaggedResponse) {
        switch data {
        case .condition(let condition, let code, let text): self.condition(condition, code: code, text: text)
        case .capability(let names): raw((["CAPABILITY"] + names).joined(separator: " "))
        case .enabled(let names): raw((["ENABLED"] + names).joined(separator: " "))
        case .flags(let flags):
            raw("FLAGS ")
            self.flags(flags)
        case .exists(let count):
            number(count)
            raw(" EXISTS")
        case .recent(let count):
            number(count)
            raw(" RECENT")
        case .expunge(let sequence):
            number(sequence)
            raw(" EXPUNGE")
        case .vanished(let uids, let earlier): raw(earlier ? "VANISHED (EARLIER) \(uids)" : "VANISHED \(uids)")
        case .list(let item): listItem("LIST", item)
        case .lsub(let item): listItem("LSUB", item)
        case .status(let mailbox, let items): status(mailbox, items)
        case .search(let numbers, let modSeq): numberList("SEARCH", numbers, modSeq: modSeq)
        case .sort(let numbers, let modSeq): numberList("SORT", numbers, modSeq: modSeq)
        case .esearch(let result): esearch(result)
        case .thread(let roots): thread(roots)
        case .fetch(let number, let items): fetch(number, items)
        case .id(let fields): id(fields)
        case .namespace(let namespaces): namespace(namespaces)
        case .quota(let root, let resources):
            raw("QUOTA ")
            astring(root)
            space()
            list(resources) { $0.raw("\($1.name) \($1.usage) \($1.limit)") }
        case .quotaRoot(let mailbox, let roots):
            raw("QUOTAROOT ")
            self.mailbox(mailbox)
            for root in roots {
                space()
                astring(root)
            }
        }
    }

    /// `LIST (attributes) "/" name [(CHILDINFO (...) OLDNAME (...))]`.
    private mutating func listItem(_ word: String, _ item: IMAPListResponse) {
        raw(word + " ")
        list(item.attributes) { $0.raw($1.rawValue) }
        space()
        delimiter(item.delimiter)
        space()
        mailbox(item.mailbox)
        guard !item.childInfo.isEmpty || item.oldName != nil else { return }
        raw(" (")
        if !item.childInfo.isEmpty {
            raw("\"CHILDINFO\" ")
            list(item.childInfo) { $0.string($1) }
        }
        if let old = item.oldName {
            if !item.childInfo.isEmpty { space() }
            raw("\"OLDNAME\" (")
            mailbox(old)
            raw(")")
        }
        raw(")")
    }

    mutating func delimiter(_ delimiter: Character?) {
        guard let delimiter else { return nilValue() }
        string(String(delimiter))
    }

    private mutating func status(_ mailbox: String, _ items: [IMAPStatusItem]) {
        raw("STATUS ")
        self.mailbox(mailbox)
        space()
        list(items) { writer, item in
            writer.raw(item.attribute.rawValue + " ")
            if let value = item.value { writer.number(value) } else { writer.nilValue() }
        }
    }

    private mutating func numberList(_ word: String, _ numbers: [UInt32], modSeq: UInt64?) {
        raw(word)
        for value in numbers {
            space()
            number(value)
        }
        if let modSeq, !numbers.isEmpty { raw(" (MODSEQ \(modSeq))") }
    }

    /// `ESEARCH [(TAG "t")] [UID] [MIN n] [MAX n] [COUNT n] [ALL set] [MODSEQ n]`.
    private mutating func esearch(_ result: IMAPESearchResponse) {
        raw("ESEARCH")
        if let tag = result.tag {
            raw(" (TAG ")
            string(tag)
            raw(")")
        }
        if result.uid { raw(" UID") }
        if let min = result.min { raw(" MIN \(min)") }
        if let max = result.max { raw(" MAX \(max)") }
        if let count = result.count { raw(" COUNT \(count)") }
        if let all = result.all, !all.isEmpty { raw(" ALL \(all)") }
        if let modSeq = result.modSeq { raw(" MODSEQ \(modSeq)") }
    }

    private mutating func id(_ fields: [IMAPIDField]?) {
        raw("ID ")
        guard let fields, !fields.isEmpty else { return nilValue() }
        list(fields) { writer, field in
            writer.string(field.name)
            writer.space()
            writer.nstring(field.value)
        }
    }

    /// `NAMESPACE personal other shared`, each NIL or `((prefix delim)...)`
    /// with the descriptions side by side (RFC 9051 §9 namespace).
    private mutating func namespace(_ response: IMAPNamespaceResponse) {
        raw("NAMESPACE")
        for namespaces in [response.personal, response.otherUsers, response.shared] {
            space()
            guard !namespaces.isEmpty else {
                nilValue()
                continue
            }
            raw("(")
            for namespace in namespaces {
                raw("(")
                string(utf8 ? namespace.prefix : IMAPModifiedUTF7.encode(namespace.prefix))
                space()
                delimiter(namespace.delimiter)
                raw(")")
            }
            raw(")")
        }
    }
}
