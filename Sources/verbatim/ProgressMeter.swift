import Foundation

/// Progress on standard error: records, MB, records/s, MB/s and an ETA when the
/// total input size is known. Redrawn at most twice a second.
struct ProgressMeter {
    let enabled: Bool
    let totalBytes: Int?
    private(set) var records = 0
    private var bytes = 0
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    mutating func advance(bytes count: Int) {
        records += 1
        bytes += count
        guard enabled, records & 15 == 0 || count > 1 << 20 else { return }
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.5 {
            lastDraw = now
            draw(now, final: false)
        }
    }

    mutating func finish() {
        guard enabled, records > 0 else { return }
        draw(Date(), final: true)
    }

    private func draw(_ now: Date, final: Bool) {
        let seconds = max(now.timeIntervalSince(start), 1e-6)
        let mb = Double(bytes) / 1_000_000
        var line = String(format: "\r%d records  %.1f MB  %.0f records/s  %.2f MB/s", records, mb, Double(records) / seconds, mb / seconds)
        if !final, let totalBytes, bytes > 0, totalBytes > bytes {
            let remaining = Double(totalBytes - bytes) / (Double(bytes) / seconds)
            line += String(format: "  ETA %d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        } else if final {
            line += String(format: "  %.1fs", seconds)
        }
        writeStandardError(line + (final ? "\n" : "\u{1B}[K"))
    }
}
