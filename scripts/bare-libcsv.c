/* The floor for Kinerja's ingest: libcsv over a file with callbacks that only count.
 *
 * Built and run by scripts/benchmark-duckdb.py:  cc -O2 bare-libcsv.c -lcsv
 * Prints: records fields seconds
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long fields, records;
static void field_ended(void *data, size_t length, void *context) { fields++; }
static void record_ended(int terminator, void *context) { records++; }

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: bare-libcsv FILE\n"); return 2; }
  int descriptor = open(argv[1], O_RDONLY);
  if (descriptor < 0) { perror(argv[1]); return 1; }
  struct csv_parser parser;
  csv_init(&parser, CSV_STRICT);
  size_t size = 1 << 20;
  char *buffer = malloc(size);
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  ssize_t count;
  while ((count = read(descriptor, buffer, size)) > 0) {
    if (csv_parse(&parser, buffer, count, field_ended, record_ended, NULL) != (size_t)count) {
      fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
      return 1;
    }
  }
  csv_fini(&parser, field_ended, record_ended, NULL);
  clock_gettime(CLOCK_MONOTONIC, &end);
  printf("%ld %ld %.6f\n", records, fields, (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
  csv_free(&parser);
  return 0;
}
