#ifndef VERBATIM_CICU_H
#define VERBATIM_CICU_H

// A deliberately small C surface over ICU's break iterators. Only plain C types
// appear here: importing ICU's own headers into a Swift module that also imports
// Foundation fails on Linux ("'U_...' from module '_FoundationICU' is not present in
// definition of 'enum UErrorCode'": Foundation carries its own ICU module with the
// same C type names), and ICU's versioned renaming macros (ubrk_open -> ubrk_open_72)
// do not import into Swift. CICU.c includes <unicode/...> and calls ICU instead.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a breaker splits text into.
typedef enum {
    VB_BREAK_WORD = 0,
    VB_BREAK_SENTENCE = 1
} vb_break_kind;

/// An ICU break iterator bound to a UTF-8 or UTF-16 text. Not thread-safe: one per thread.
typedef struct vb_breaker vb_breaker;

/// Opens a breaker. Word breaking uses locale "en"; sentence breaking uses
/// "en@ss=standard", which turns on ICU's abbreviation suppressions (Mr., U.S.).
/// Returns NULL and sets *error_code (an ICU UErrorCode) on failure.
vb_breaker *vb_breaker_open(vb_break_kind kind, int32_t *error_code);

/// Clones a breaker for another thread (cheaper than opening: rules are shared).
vb_breaker *vb_breaker_clone(const vb_breaker *breaker, int32_t *error_code);

void vb_breaker_close(vb_breaker *breaker);

/// Points the breaker at UTF-8 text without copying it. The bytes must stay alive
/// and unchanged until the next call to this function or to vb_breaker_close.
/// Returns 0 on success, else an ICU UErrorCode.
int32_t vb_breaker_set_utf8(vb_breaker *breaker, const uint8_t *text, int64_t length);

/// Points the breaker at UTF-16 text without copying it (same lifetime rule as
/// vb_breaker_set_utf8). ICU reads UTF-16 in place; over UTF-8 it decodes every
/// character through its UText chunks, which cost about a quarter of its time.
/// Returns 0 on success, else an ICU UErrorCode.
int32_t vb_breaker_set_utf16(vb_breaker *breaker, const uint16_t *text, int32_t length);

/// Writes up to `capacity` further boundaries (offsets in the code units of the
/// text given: UTF-8 bytes or UTF-16 units; ascending,
/// the text start excluded) and, for each, the rule status of the segment that
/// ends there. Returns how many were written; 0 once the text is exhausted.
int32_t vb_breaker_next(vb_breaker *breaker, int32_t *ends, int32_t *statuses, int32_t capacity);

/// ICU's name for an error code, e.g. "U_MISSING_RESOURCE_ERROR".
const char *vb_error_name(int32_t error_code);

/// The ICU version in use, e.g. "72.1", written into `buffer` (at least 24 bytes).
void vb_icu_version(char *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
