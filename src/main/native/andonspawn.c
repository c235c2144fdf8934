/*
 * andon's process launcher: posix_spawn with POSIX_SPAWN_SETSID, so that a task's shell starts
 * as the leader of its own session and process group in one exec (no setsid(1) in between),
 * with stdin from /dev/null, stdout and stderr appended to the attempt's log, every other file
 * descriptor closed and signal dispositions reset. Used through io.andon.engine.NativeSpawn;
 * when this library cannot be built or loaded andon runs `setsid /bin/sh -c` instead.
 *
 * The reaper functions let the launching thread wait for its own children, and nothing else,
 * in one epoll set: a pidfd per child (readable when it exits) and an eventfd that other threads
 * write to wake it up.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/*
 * The strings of a Java byte[] that holds them as UTF-8, each ended by a NUL (andon packs them so,
 * as JNI's own string functions give "modified UTF-8"): a NULL-terminated array of pointers and a
 * copy of the bytes in one allocation, freed with free(). NULL when memory ran out.
 */
static char **unpack(JNIEnv *env, jbyteArray packed) {
  jsize n = (*env)->GetArrayLength(env, packed);
  if (n <= 0) return calloc(1, sizeof(char *));
  jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, packed, NULL);
  if (bytes == NULL) return NULL;
  size_t count = 0;
  for (jsize i = 0; i < n; i++) {
    if (bytes[i] == 0) count++;
  }
  char **out = malloc((count + 1) * sizeof(char *) + (size_t) n);
  if (out != NULL) {
    char *text = (char *) (out + count + 1);
    memcpy(text, bytes, (size_t) n);
    size_t k = 0;
    for (jsize i = 0; i < n; i++) {
      if ((i == 0 || text[i - 1] == 0) && k < count) out[k++] = text + i;
    }
    out[count] = NULL;
  }
  (*env)->ReleasePrimitiveArrayCritical(env, packed, bytes, JNI_ABORT);
  return out;
}

/* /dev/null for the children's stdin, opened once (close-on-exec, above stderr), or -1. */
static int devnull = -1;
static pthread_once_t devnull_once = PTHREAD_ONCE_INIT;

static void open_dev_null(void) {
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (fd >= 0 && fd < 3) {
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    close(fd);
    fd = high;
  }
  devnull = fd;
}

static int dev_null(void) {
  pthread_once(&devnull_once, open_dev_null);
  return devnull;
}

/*
 * An environment block: "NAME=value" strings converted once, for every attempt of a run.
 * Returns a pointer to a NULL-terminated array, or 0 when memory ran out.
 */
JNIEXPORT jlong JNICALL Java_io_andon_engine_NativeSpawn_envOpen0(
    JNIEnv *env, jclass cls, jbyteArray entries) {
  (void) cls;
  return (jlong) (intptr_t) unpack(env, entries);
}

JNIEXPORT void JNICALL Java_io_andon_engine_NativeSpawn_envClose0(
    JNIEnv *env, jclass cls, jlong block) {
  (void) env;
  (void) cls;
  free((char **) (intptr_t) block);
}

/*
 * Starts argv with the environment block base (0: none) followed by envp, its output appended
 * to out_fd or, when that is -1, to the log file (created when missing). Returns the pid (> 0),
 * or -errno on failure.
 */
JNIEXPORT jlong JNICALL Java_io_andon_engine_NativeSpawn_spawn0(JNIEnv *env, jclass cls,
    jbyteArray jargv, jlong jbase, jbyteArray jenvp, jbyteArray jpaths, jint out_fd) {
  (void) cls;
  char **argv = unpack(env, jargv);
  char **own = unpack(env, jenvp);
  char **paths = unpack(env, jpaths); /* the working directory, then the log file */
  char **base = (char **) (intptr_t) jbase;
  size_t nb = 0, no = 0;
  while (base != NULL && base[nb] != NULL) nb++;
  while (own != NULL && own[no] != NULL) no++;
  char **envp = malloc((nb + no + 1) * sizeof(char *));
  if (argv == NULL || own == NULL || paths == NULL || envp == NULL) {
    free(argv);
    free(own);
    free(paths);
    free(envp);
    return -ENOMEM;
  }
  if (nb > 0) memcpy(envp, base, nb * sizeof(char *));
  memcpy(envp + nb, own, (no + 1) * sizeof(char *));
  const char *dir = paths[0];
  const char *log = paths[1];
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_init(&attr);
  int null_fd = dev_null();
  if (null_fd >= 3) {
    posix_spawn_file_actions_adddup2(&fa, null_fd, 0);
  } else {
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  }
  if (out_fd >= 0) {
    posix_spawn_file_actions_adddup2(&fa, out_fd, 1); /* a spool file, linked to the log */
  } else {
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0644);
  }
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
  free(envp);
  free(argv);
  free(own);
  free(paths);
  return rc == 0 ? (jlong) pid : (jlong) -rc;
}

/*
 * Spool files: an attempt's output goes to a file that already exists, hard-linked under the
 * attempt's log name while the attempt runs, so that starting an attempt creates no inode. When
 * the attempt wrote nothing and left no process behind, its log name is removed and the file
 * serves the next attempt; otherwise the spool name is removed and the file stays the log.
 */

/* unpack(), or NULL (freed) when it holds fewer than n strings. */
static char **unpack_n(JNIEnv *env, jbyteArray packed, size_t n) {
  char **out = unpack(env, packed);
  for (size_t i = 0; out != NULL && i < n; i++) {
    if (out[i] == NULL) {
      free(out);
      return NULL;
    }
  }
  return out;
}

/* Creates a spool file (it must not exist); returns its descriptor, or -errno. */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_spoolOpen0(
    JNIEnv *env, jclass cls, jbyteArray jpath) {
  (void) cls;
  char **path = unpack_n(env, jpath, 1);
  if (path == NULL) return -ENOMEM;
  int fd = open(path[0], O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  int err = errno;
  free(path);
  return fd >= 0 ? fd : -err;
}

/* Links the spool file (the first path) under the log name (the second): 0, or -errno. */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_spoolLink0(
    JNIEnv *env, jclass cls, jbyteArray jpaths) {
  (void) cls;
  char **paths = unpack_n(env, jpaths, 2);
  if (paths == NULL) return -ENOMEM;
  int rc = link(paths[0], paths[1]) == 0 ? 0 : -errno;
  free(paths);
  return rc;
}

/*
 * Ends the use of a spool file by the attempt whose process group was pgid, paths being the
 * spool's name then the log's. Returns 1 when the file is empty and no process of the group is
 * left (the log name is removed, the descriptor stays open for the next attempt), 0 when the
 * file stays the log (the spool name is removed, the descriptor closed), or -errno.
 */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_spoolSettle0(
    JNIEnv *env, jclass cls, jint fd, jlong pgid, jbyteArray jpaths) {
  (void) cls;
  char **paths = unpack_n(env, jpaths, 2);
  if (paths == NULL) return -ENOMEM;
  struct stat st;
  int quiet = fstat(fd, &st) == 0 && st.st_size == 0
      && kill(-(pid_t) pgid, 0) < 0 && errno == ESRCH;
  int rc;
  if (quiet && unlink(paths[1]) == 0) {
    rc = 1;
  } else {
    rc = unlink(paths[0]) == 0 ? 0 : -errno;
    close(fd);
  }
  free(paths);
  return rc;
}

/* Closes a spool file no attempt uses and removes its name. */
JNIEXPORT void JNICALL Java_io_andon_engine_NativeSpawn_spoolDrop0(
    JNIEnv *env, jclass cls, jint fd, jbyteArray jpath) {
  (void) cls;
  close(fd);
  char **path = unpack_n(env, jpath, 1);
  if (path != NULL) unlink(path[0]);
  free(path);
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

static int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

/* Opens a reaper: returns (epoll fd << 32) | eventfd, or -errno. */
JNIEXPORT jlong JNICALL Java_io_andon_engine_NativeSpawn_reaperOpen0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) return -errno;
  int ev = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (ev < 0) {
    int e = errno;
    close(ep);
    return -e;
  }
  struct epoll_event e = {.events = EPOLLIN, .data.u64 = UINT64_MAX};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e) < 0) {
    int err = errno;
    close(ev);
    close(ep);
    return -err;
  }
  return ((jlong) ep << 32) | (jlong) ev;
}

/* Watches child pid: 0, or -errno (ENOSYS when the kernel has no pidfd_open). */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_reaperWatch0(
    JNIEnv *env, jclass cls, jint ep, jlong jpid) {
  (void) env;
  (void) cls;
  int fd = (int) syscall(SYS_pidfd_open, (pid_t) jpid, 0);
  if (fd < 0) return -errno;
  struct epoll_event e = {.events = EPOLLIN,
      .data.u64 = ((uint64_t) (uint32_t) fd << 32) | (uint32_t) jpid};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e) < 0) {
    int err = errno;
    close(fd);
    return -err;
  }
  return 0;
}

/*
 * Waits up to timeout_ms (-1: no limit) for children to exit or for a wake-up. Reaps each exited
 * child and stores pid, exit code pairs in out; returns the number of pairs, or -errno.
 */
JNIEXPORT jint JNICALL Java_io_andon_engine_NativeSpawn_reaperAwait0(
    JNIEnv *env, jclass cls, jint ep, jint ev, jlongArray out, jint timeout_ms) {
  (void) cls;
  struct epoll_event events[64];
  jsize cap = (*env)->GetArrayLength(env, out) / 2;
  int max = cap < 64 ? (int) cap : 64;
  int n = epoll_wait(ep, events, max, timeout_ms);
  if (n < 0) return errno == EINTR ? 0 : -errno;
  jlong buf[128];
  int k = 0;
  for (int i = 0; i < n; i++) {
    uint64_t d = events[i].data.u64;
    if (d == UINT64_MAX) {
      uint64_t count;
      while (read(ev, &count, sizeof count) > 0) {
      }
      continue;
    }
    int fd = (int) (d >> 32);
    pid_t pid = (pid_t) (uint32_t) d;
    int status = 0;
    pid_t r;
    do {
      r = waitpid(pid, &status, 0);
    } while (r < 0 && errno == EINTR);
    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    buf[2 * k] = (jlong) pid;
    buf[2 * k + 1] = r == pid ? (jlong) exit_code(status) : (jlong) -1;
    k++;
  }
  if (k > 0) (*env)->SetLongArrayRegion(env, out, 0, 2 * k, buf);
  return k;
}

/* Wakes a thread waiting in reaperAwait0. */
JNIEXPORT void JNICALL Java_io_andon_engine_NativeSpawn_reaperWake0(
    JNIEnv *env, jclass cls, jint ev) {
  (void) env;
  (void) cls;
  uint64_t one = 1;
  ssize_t w = write(ev, &one, sizeof one);
  (void) w;
}

JNIEXPORT void JNICALL Java_io_andon_engine_NativeSpawn_reaperClose0(
    JNIEnv *env, jclass cls, jint ep, jint ev) {
  (void) env;
  (void) cls;
  close(ev);
  close(ep);
}
