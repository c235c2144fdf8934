/*
 * andon's process launcher: posix_spawn with POSIX_SPAWN_SETSID, so that a task's shell starts
 * as the leader of its own session and process group in one exec (no setsid(1) in between),
 * with stdin from /dev/null, stdout and stderr appended to the attempt's log, every other file
 * descriptor closed and signal dispositions reset. Used through io.andon.engine.NativeSpawn;
 * when this library cannot be built or loaded andon runs `setsid /bin/sh -c` instead.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char **to_cstrings(JNIEnv *env, jobjectArray arr) {
  jsize n = (*env)->GetArrayLength(env, arr);
  char **out = calloc((size_t) n + 1, sizeof(char *));
  if (out == NULL) return NULL;
  for (jsize i = 0; i < n; i++) {
    jstring s = (jstring) (*env)->GetObjectArrayElement(env, arr, i);
    const char *c = (*env)->GetStringUTFChars(env, s, NULL);
    out[i] = strdup(c);
    (*env)->ReleaseStringUTFChars(env, s, c);
    (*env)->DeleteLocalRef(env, s);
  }
  return out;
}

static void free_cstrings(char **a) {
  if (a == NULL) return;
  for (char **p = a; *p != NULL; p++) free(*p);
  free(a);
}

/* Returns the pid (> 0), or -errno on failure. */
JNIEXPORT jlong JNICALL Java_io_andon_engine_NativeSpawn_spawn0(
    JNIEnv *env, jclass cls, jobjectArray jargv, jobjectArray jenvp, jstring jdir, jstring jlog) {
  (void) cls;
  char **argv = to_cstrings(env, jargv);
  char **envp = to_cstrings(env, jenvp);
  const char *dir = (*env)->GetStringUTFChars(env, jdir, NULL);
  const char *log = (*env)->GetStringUTFChars(env, jlog, NULL);
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawn_file_actions_addchdir_np(&fa, dir);
  posix_spawn_file_actions_addclosefrom_np(&fa, 3);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK
      | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &fa, &attr, argv, envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  (*env)->ReleaseStringUTFChars(env, jdir, dir);
  (*env)->ReleaseStringUTFChars(env, jlog, log);
  free_cstrings(argv);
  free_cstrings(envp);
  return rc == 0 ? (jlong) pid : (jlong) -rc;
}

/* Waits for the child; returns its exit code, or 128 + signal when a signal ended it. */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_waitFor0(
    JNIEnv *env, jclass cls, jlong jpid) {
  (void) env;
  (void) cls;
  int status = 0;
  for (;;) {
    pid_t r = waitpid((pid_t) jpid, &status, 0);
    if (r == (pid_t) jpid) break;
    if (r < 0 && errno != EINTR) return -errno;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

/* Sends a signal to a whole process group; returns 0 or -errno. */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_killGroup0(
    JNIEnv *env, jclass cls, jlong jpgid, jint sig) {
  (void) env;
  (void) cls;
  return kill(-(pid_t) jpgid, (int) sig) == 0 ? 0 : -errno;
}
