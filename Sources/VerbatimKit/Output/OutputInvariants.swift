/// Checks an output line against the guarantees of schema 1: one complete JSON
/// object ending in a single newline, whose spans lie inside the text on
/// code-point boundaries with `text` equal to the slice. Used by the fuzz target
/// (which traps on a violation so the fuzzer reports it) and the robustness tests.
public enum OutputInvariants {
    /// Traps when `line` breaks a guarantee.
    public static func check(line: [UInt8]) {
        let problems = violations(line: line)
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }

    /// What is wrong with an output line; empty when nothing is.
    public static func violations(line: [UInt8]) -> [String] {
        var problems: [String] = []
        if line.last != 0x0A { problems.append("output line does not end with a newline") }
        if line.dropLast().contains(0x0A) { problems.append("output line contains a raw newline") }
        if UTF8Validation.firstInvalidByte(line) != nil { problems.append("output line is not UTF-8") }
        guard problems.isEmpty else { return problems }
        let fields: [JSONObjectReader.Field]
        do {
            fields = try JSONObjectReader.fields(of: Array(line.dropLast()))
        } catch {
            return ["output line is not a JSON object: \(error)"]
        }
        if !fields.contains(where: { $0.key == "id" }) { problems.append("output line has no id") }
        if fields.contains(where: { $0.key == "error" }) { return problems }
        guard let textField = fields.first(where: { $0.key == "text" }) else { return problems }
        let scalars = Array(JSONObjectReader.decodeString(textField.raw).unicodeScalars)
        for key in ["entities", "clusters", "quotes"] {
            guard let field = fields.first(where: { $0.key == key }), field.kind == .array else {
                problems.append("no \(key) array")
                continue
            }
            checkSpans(in: Array(field.raw), scalars: scalars, problems: &problems)
        }
        checkClusters(fields, problems: &problems)
        return problems
    }

    /// Every entity's cluster lists it among its mentions, and every mention is an entity of that cluster.
    private static func checkClusters(_ fields: [JSONObjectReader.Field], problems: inout [String]) {
        func objects(_ key: String) -> [[JSONObjectReader.Field]] {
            guard let field = fields.first(where: { $0.key == key }) else { return [] }
            var result: [[JSONObjectReader.Field]] = []
            let raw = Array(field.raw)
            var i = 1
            while i < raw.count {
                if raw[i] == UInt8(ascii: "{"), let end = matchingBrace(raw, i) {
                    if let members = try? JSONObjectReader.fields(of: Array(raw[i...end])) { result.append(members) }
                    i = end + 1
                } else {
                    i += 1
                }
            }
            return result
        }
        func string(_ members: [JSONObjectReader.Field], _ key: String) -> String? {
            members.first { $0.key == key && $0.kind == .string }.map { JSONObjectReader.decodeString($0.raw) }
        }
        var entityCluster: [String: String?] = [:]
        for entity in objects("entities") {
            if let id = string(entity, "id") { entityCluster[id] = string(entity, "cluster") }
        }
        var clusterMentions: [String: Set<String>] = [:]
        for cluster in objects("clusters") {
            guard let id = string(cluster, "id"), let mentions = cluster.first(where: { $0.key == "mentions" }) else { continue }
            let ids = String(decoding: mentions.raw, as: UTF8.self)
                .split(whereSeparator: { "[],\" ".contains($0) }).map(String.init)
            clusterMentions[id] = Set(ids)
            for mention in ids where entityCluster[mention] != .some(id) {
                problems.append("cluster \(id) lists \(mention), which is not one of its entities")
            }
        }
        for (entity, cluster) in entityCluster {
            if let cluster, clusterMentions[cluster]?.contains(entity) != true {
                problems.append("entity \(entity) names cluster \(cluster), which does not list it")
            }
        }
    }

    /// Finds every object with start/end/text members in a JSON array and checks it.
    private static func checkSpans(in raw: [UInt8], scalars: [Unicode.Scalar], problems: inout [String]) {
        var i = 0
        // Walk objects at any depth: each "{" starts a candidate.
        while i < raw.count {
            if raw[i] == UInt8(ascii: "{"), let end = matchingBrace(raw, i),
               let members = try? JSONObjectReader.fields(of: Array(raw[i...end])) {
                let start = members.first { $0.key == "start" }.flatMap { Int(String(decoding: $0.raw, as: UTF8.self)) }
                let stop = members.first { $0.key == "end" }.flatMap { Int(String(decoding: $0.raw, as: UTF8.self)) }
                if let start, let stop, let text = members.first(where: { $0.key == "text" }) {
                    guard 0 <= start && start < stop && stop <= scalars.count else {
                        problems.append("span \(start)..<\(stop) outside text of \(scalars.count)")
                        i += 1
                        continue
                    }
                    let slice = String(String.UnicodeScalarView(scalars[start..<stop]))
                    if slice != JSONObjectReader.decodeString(text.raw) {
                        problems.append("span \(start)..<\(stop) text differs from the slice")
                    }
                }
            }
            i += 1
        }
    }

    private static func matchingBrace(_ raw: [UInt8], _ open: Int) -> Int? {
        var depth = 0
        var inString = false
        var k = open
        while k < raw.count {
            let c = raw[k]
            if inString {
                if c == UInt8(ascii: "\\") { k += 2; continue }
                if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return k }
            }
            k += 1
        }
        return nil
    }
}
