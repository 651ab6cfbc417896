import Foundation

/// SIGINT and SIGTERM stop reading new records; what is in flight is finished
/// and written, so the output ends on a complete line. SIGPIPE is ignored so a
/// closed pipe shows up as EPIPE and ends the run quietly.
enum Signals {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var interrupted: Bool { flag != 0 }

    static func install() {
        // A parent may have left these blocked (the mask survives exec); unblock
        // them so an interrupt always reaches the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT) { _ in Signals.flag = 1 }
        signal(SIGTERM) { _ in Signals.flag = 1 }
    }
}
