class Broken {
  void f() {
    int x = ;
  }
}
