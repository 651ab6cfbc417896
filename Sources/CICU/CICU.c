#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

struct vb_breaker {
    UBreakIterator *iterator;
    UText *text;
    int finished;
};

/// Wraps an iterator ICU made (or the status of its failure) in a breaker; the
/// iterator is closed when the wrapper cannot be allocated.
static vb_breaker *vb_breaker_wrap(UBreakIterator *it, UErrorCode status, int32_t *error_code) {
    if (U_FAILURE(status)) {
        *error_code = (int32_t)status;
        return NULL;
    }
    vb_breaker *b = calloc(1, sizeof(vb_breaker));
    if (b == NULL) {
        ubrk_close(it);
        *error_code = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->iterator = it;
    b->finished = 1;
    *error_code = 0;
    return b;
}

vb_breaker *vb_breaker_open(vb_break_kind kind, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = kind == VB_BREAK_SENTENCE
        ? ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status)
        : ubrk_open(UBRK_WORD, "en", NULL, 0, &status);
    return vb_breaker_wrap(it, status, error_code);
}

vb_breaker *vb_breaker_clone(const vb_breaker *breaker, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(breaker->iterator, &status);
    return vb_breaker_wrap(it, status, error_code);
}

void vb_breaker_close(vb_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    if (breaker->text != NULL) utext_close(breaker->text);
    free(breaker);
}

/// Binds the breaker to the UText just opened into breaker->text (or reports the
/// status of that opening) and rewinds it.
static int32_t vb_breaker_bind(vb_breaker *breaker, UErrorCode status) {
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_first(breaker->iterator);
    breaker->finished = 0;
    return 0;
}

// An empty Swift buffer may come with a NULL base address; ICU wants a pointer.
static const char vb_empty_utf8[1] = {0};
static const UChar vb_empty_utf16[1] = {0};

int32_t vb_breaker_set_utf8(vb_breaker *breaker, const uint8_t *text, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    breaker->text = utext_openUTF8(breaker->text, text != NULL ? (const char *)text : vb_empty_utf8, length, &status);
    return vb_breaker_bind(breaker, status);
}

int32_t vb_breaker_set_utf16(vb_breaker *breaker, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    breaker->text = utext_openUChars(breaker->text, text != NULL ? (const UChar *)text : vb_empty_utf16, length, &status);
    return vb_breaker_bind(breaker, status);
}

int32_t vb_breaker_next(vb_breaker *breaker, int32_t *ends, int32_t *statuses, int32_t capacity) {
    if (breaker->finished) return 0;
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = ubrk_next(breaker->iterator);
        if (end == UBRK_DONE) {
            breaker->finished = 1;
            break;
        }
        ends[count] = end;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    return count;
}

const char *vb_error_name(int32_t error_code) {
    return u_errorName((UErrorCode)error_code);
}

void vb_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}
