// libFuzzer's public driver entry, imported only by the FuzzSupport module. The library itself is
// linked by `-sanitize=fuzzer`; plain builds never reference the symbol (its use is under FUZZING).
#ifndef SCS_CFUZZER_H
#define SCS_CFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// Parses libFuzzer's flags from argc/argv and runs the fuzzing loop, calling `test` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

#endif
