/*
 * andon's floor on Python code: tree-sitter's parse of every file named on the command line and
 * nothing else (no copy of the trees, no measuring), on one thread, with the tree-sitter runtime
 * and Python grammar andon compiles in (src/main/native). Prints the parse's CPU seconds. Built
 * and run by run.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tree_sitter/api.h"

const TSLanguage *tree_sitter_python(void);

int main(int argc, char **argv) {
  char **text = calloc((size_t)argc, sizeof(char *));
  long *length = calloc((size_t)argc, sizeof(long));
  long bytes = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0) {
      perror(argv[i]);
      return 1;
    }
    length[i] = ftell(f);
    rewind(f);
    text[i] = malloc((size_t)length[i] + 1);
    if (fread(text[i], 1, (size_t)length[i], f) != (size_t)length[i]) {
      perror(argv[i]);
      return 1;
    }
    fclose(f);
    for (long k = 0; k < length[i]; k++) {
      if (text[i][k] == '\f') { /* as andon reads them: a form feed is whitespace to Python */
        text[i][k] = ' ';
      }
    }
    bytes += length[i];
  }
  struct timespec start, end;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
  long nodes = 0;
  for (int i = 1; i < argc; i++) {
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_python());
    TSTree *tree = ts_parser_parse_string(parser, NULL, text[i], (uint32_t)length[i]);
    nodes += (long)ts_node_descendant_count(ts_tree_root_node(tree));
    ts_tree_delete(tree);
    ts_parser_delete(parser);
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
  printf("%d files, %ld bytes, %ld nodes, %.2f CPU s on one thread", argc - 1, bytes, nodes,
         (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9);
  return 0;
}
