// The C parser Kinerja reads every export with: libcsv (Debian package libcsv-dev).
#include <csv.h>
