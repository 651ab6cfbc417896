/// A map whose keys are already 64-bit hashes (the resolver's name keys, FNV-1a of
/// folded words): open addressing with linear probing and Fibonacci slot spreading.
/// Swift's `Dictionary` hashes such keys again with SipHash and grows from empty, which
/// cost the resolver about a tenth of its time for a few dozen names per document.
/// No removal and no iteration: nothing may depend on an order of keys.
struct HashKeyMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64
    private(set) var count = 0

    /// A map that holds `capacity` keys before it first grows. A map made without a
    /// capacity allocates nothing until its first key: the resolver's clustering makes
    /// four per document, some of which stay empty, and each allocation costs hundreds
    /// of instructions.
    init(capacity: Int = 0) {
        guard capacity > 0 else {
            keys = []; values = []; shift = 64
            return
        }
        var size = 8
        while size < capacity + capacity / 2 { size <<= 1 }   // at most two thirds full
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    var isEmpty: Bool { count == 0 }

    subscript(key: UInt64) -> Value? {
        get {
            if count == 0 { return nil }   // also: an empty map may have no slots
            let slot = find(key)
            return values[slot]
        }
        set {
            guard let newValue else { preconditionFailure("HashKeyMap does not remove keys") }
            values[claim(key).slot] = newValue
        }
    }

    subscript(key: UInt64, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }

    /// Gives `key` the value `value` unless it has one, with one probe where reading
    /// and then writing took two; returns the value it had (nil: `value` was added).
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Value) -> Value? {
        let (slot, isNew) = claim(key)
        guard isNew else { return values[slot] }
        values[slot] = value
        return nil
    }

    /// The slot of `key`: the one holding it, or (`isNew`) the empty one it now takes,
    /// the map grown first when one more key would fill it past two thirds. The caller
    /// writes the value of a new slot at once: an empty value marks an empty slot.
    private mutating func claim(_ key: UInt64) -> (slot: Int, isNew: Bool) {
        if keys.isEmpty { grow() }
        var slot = find(key)
        guard values[slot] == nil else { return (slot, false) }
        if (count + 1) * 3 > keys.count * 2 {
            grow()
            slot = find(key)
        }
        keys[slot] = key
        count += 1
        return (slot, true)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = FibonacciHash.index(key, shift: shift)
        while values[slot] != nil && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        var bigger = HashKeyMap(capacity: Swift.max(keys.count * 2, 6))
        for slot in keys.indices { if let value = values[slot] { bigger[keys[slot]] = value } }
        self = bigger
    }
}

/// A worker keeps one (``RuleNameStrings``) from one document to the next.
extension HashKeyMap: Sendable where Value: Sendable {}
