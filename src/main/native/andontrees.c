/*
 * andon's tree-sitter parser: tree-sitter's runtime and the Python grammar compiled with the
 * rest of andon (src/main/native/build.sh), behind three JNI functions of
 * io.andon.tdg.source.NativeTrees. A parse returns the whole tree in one int[], so no node ever
 * crosses JNI on its own:
 *
 *   [0] node count, [1] error kind (0 none, 1 syntax error, 2 missing token, 3 syntax error
 *   found nowhere in particular), [2] the error's start byte, [3] the missing token's symbol,
 *   then per node in pre-order: symbol, field id, start byte, end byte, start row, child count.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>

#include "tree_sitter/api.h"

const TSLanguage *tree_sitter_python(void);

enum { HEADER = 4, PER_NODE = 6 };

static const TSLanguage *grammar(jint id) {
  switch (id) {
    case 0:
      return tree_sitter_python();
    default:
      return NULL;
  }
}

/* Where the first error or missing node is, descending into the first child with an error. */
static void first_error(TSNode node, jint *out) {
  for (;;) {
    if (ts_node_is_error(node) || ts_node_is_missing(node)) {
      out[1] = ts_node_is_missing(node) ? 2 : 1;
      out[2] = (jint)ts_node_start_byte(node);
      out[3] = ts_node_symbol(node);
      return;
    }
    uint32_t n = ts_node_child_count(node);
    uint32_t i = 0;
    while (i < n && !ts_node_has_error(ts_node_child(node, i))) {
      i++;
    }
    if (i == n) {
      out[1] = 3;
      return;
    }
    node = ts_node_child(node, i);
  }
}

/* Copies the tree in pre-order into a growing buffer; NULL when memory runs out. */
static jint *flatten(TSTree *tree, size_t *length) {
  size_t capacity = HEADER + PER_NODE * 1024;
  size_t used = HEADER;
  jint *out = malloc(capacity * sizeof(jint));
  if (out == NULL) {
    return NULL;
  }
  TSNode root = ts_tree_root_node(tree);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    if (used + PER_NODE > capacity) {
      capacity *= 2;
      jint *grown = realloc(out, capacity * sizeof(jint));
      if (grown == NULL) {
        free(out);
        ts_tree_cursor_delete(&cursor);
        return NULL;
      }
      out = grown;
    }
    TSNode node = ts_tree_cursor_current_node(&cursor);
    jint *n = out + used;
    n[0] = ts_node_symbol(node);
    n[1] = ts_tree_cursor_current_field_id(&cursor);
    n[2] = (jint)ts_node_start_byte(node);
    n[3] = (jint)ts_node_end_byte(node);
    n[4] = (jint)ts_node_start_point(node).row;
    n[5] = (jint)ts_node_child_count(node);
    used += PER_NODE;
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        out[0] = (jint)((used - HEADER) / PER_NODE);
        out[1] = out[2] = out[3] = 0;
        if (ts_node_has_error(root)) {
          first_error(root, out);
        }
        *length = used;
        return out;
      }
    }
  }
}

JNIEXPORT jintArray JNICALL Java_io_andon_tdg_source_NativeTrees_parse(
    JNIEnv *env, jclass cls, jint id, jbyteArray utf8) {
  (void)cls;
  const TSLanguage *language = grammar(id);
  if (language == NULL) {
    return NULL;
  }
  jsize size = (*env)->GetArrayLength(env, utf8);
  jbyte *bytes = (*env)->GetByteArrayElements(env, utf8, NULL);
  if (bytes == NULL) {
    return NULL;
  }
  TSParser *parser = ts_parser_new();
  TSTree *tree = NULL;
  if (ts_parser_set_language(parser, language)) {
    tree = ts_parser_parse_string_encoding(
        parser, NULL, (const char *)bytes, (uint32_t)size, TSInputEncodingUTF8);
  }
  (*env)->ReleaseByteArrayElements(env, utf8, bytes, JNI_ABORT);
  ts_parser_delete(parser);
  if (tree == NULL) {
    return NULL;
  }
  size_t length = 0;
  jint *flat = flatten(tree, &length);
  ts_tree_delete(tree);
  if (flat == NULL) {
    return NULL;
  }
  jintArray result = (*env)->NewIntArray(env, (jsize)length);
  if (result != NULL) {
    (*env)->SetIntArrayRegion(env, result, 0, (jsize)length, flat);
  }
  free(flat);
  return result;
}

/* Fills a new String[count] with name(language, i) for each i; NULL when the JVM ran out. */
static jobjectArray strings(JNIEnv *env, jint id, const char *(*name)(const TSLanguage *, uint32_t),
                            uint32_t (*count)(const TSLanguage *)) {
  const TSLanguage *language = grammar(id);
  if (language == NULL) {
    return NULL;
  }
  uint32_t n = count(language);
  jclass string = (*env)->FindClass(env, "java/lang/String");
  jobjectArray names = string == NULL ? NULL : (*env)->NewObjectArray(env, (jsize)n, string, NULL);
  for (uint32_t i = 0; names != NULL && i < n; i++) {
    jstring s = (*env)->NewStringUTF(env, name(language, i));
    if (s == NULL) {
      return NULL;
    }
    (*env)->SetObjectArrayElement(env, names, (jsize)i, s);
    (*env)->DeleteLocalRef(env, s);
  }
  return names;
}

/* A symbol's name, after '+' for a named (regular) symbol and '-' for any other. */
static const char *marked_symbol(const TSLanguage *language, uint32_t i) {
  static _Thread_local char marked[256];
  const char *name = ts_language_symbol_name(language, (TSSymbol)i);
  marked[0] = ts_language_symbol_type(language, (TSSymbol)i) == TSSymbolTypeRegular ? '+' : '-';
  size_t k = 0;
  while (name != NULL && name[k] != '\0' && k + 2 < sizeof marked) {
    marked[k + 1] = name[k];
    k++;
  }
  marked[k + 1] = '\0';
  return marked;
}

/* A field's name; id 0 (no field) is the empty string. */
static const char *field(const TSLanguage *language, uint32_t i) {
  const char *name = i == 0 ? "" : ts_language_field_name_for_id(language, (TSFieldId)i);
  return name == NULL ? "" : name;
}

static uint32_t fields_and_none(const TSLanguage *language) {
  return ts_language_field_count(language) + 1;
}

/* The grammar's symbol names, marked as marked_symbol says. */
JNIEXPORT jobjectArray JNICALL Java_io_andon_tdg_source_NativeTrees_symbols(
    JNIEnv *env, jclass cls, jint id) {
  (void)cls;
  return strings(env, id, marked_symbol, ts_language_symbol_count);
}

/* The grammar's field names by id. */
JNIEXPORT jobjectArray JNICALL Java_io_andon_tdg_source_NativeTrees_fields(
    JNIEnv *env, jclass cls, jint id) {
  (void)cls;
  return strings(env, id, field, fields_and_none);
}
