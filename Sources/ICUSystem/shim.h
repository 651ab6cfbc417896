// Only here so SwiftPM can resolve the system library and its pkg-config flags.
// Nothing imports this module from Swift: ICU is reached through the CICU shim.
#include <unicode/uversion.h>
