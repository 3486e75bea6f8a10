package org.smash4j.data;

/**
 * ImageNet32x32 batch pickles spelled out opcode by opcode, as python writes a dict
 * {@code {'data': uint8 array (n, 3072), 'labels': [ints], 'mean': float64 array (3072,)}}. The sequences
 * follow pickletools.dis of python 3's {@code pickle.dump(d, f)} (protocol 3) and python 2's
 * {@code cPickle.dump(d, f, 2)} of such dicts.
 */
final class Imagenet32Pickles {
    private Imagenet32Pickles() {
    }

    /**
     * Protocol 3 (python 3): unicode keys (BINUNICODE), array data as bytes (BINBYTES), dtype flags as
     * booleans, memo indices from 0; keys in insertion order data, labels, mean.
     */
    static byte[] python3(byte[] pixels, int[] labels, byte[] mean, String numpyCore) {
        PickleBytes p = new PickleBytes();
        p.proto(3);                                    // PROTO 3
        p.emptyDict().binput(0);                       // EMPTY_DICT: the batch; memo 0
        p.mark();                                      // MARK: start of the key/value pairs for SETITEMS
        p.binunicode("data").binput(1);                // key 'data'
        p.global(numpyCore, "_reconstruct").binput(2); // GLOBAL numpy's array reconstructor; memo 2
        p.global("numpy", "ndarray").binput(3);        // GLOBAL numpy.ndarray; memo 3
        p.binint1(0).tuple1().binput(4);               // (0,): the dummy shape
        p.shortBinbytes(new byte[] {'b'}).binput(5);   // b'b': the dummy dtype code; memo 5
        p.tuple3().binput(6);                          // (ndarray, (0,), b'b')
        p.reduce().binput(7);                          // REDUCE: _reconstruct(...) -> an empty array
        p.mark();                                      // MARK: the array's state tuple
        p.binint1(1);                                  //   version 1
        p.integer(labels.length).integer(3072).tuple2().binput(8); //   shape (n, 3072)
        p.global("numpy", "dtype").binput(9);          //   GLOBAL numpy.dtype; memo 9
        p.binunicode("u1").binput(10);                 //   'u1'
        p.newFalse().newTrue().tuple3().binput(11);    //   ('u1', False, True)
        p.reduce().binput(12);                         //   REDUCE: dtype('u1')
        p.mark();                                      //   MARK: the dtype's state
        p.binint1(3);                                  //     version 3
        p.binunicode("|").binput(13);                  //     byte order '|' (not applicable)
        p.none().none().none();                        //     subarray, names, fields: None
        p.binint(-1).binint(-1).binint1(0);            //     elsize -1, alignment -1, flags 0
        p.tuple().binput(14);                          //   TUPLE: the dtype's state
        p.build();                                     //   BUILD: dtype.__setstate__(state)
        p.newFalse();                                  //   is_fortran False
        p.binbytes(pixels).binput(15);                 //   the raw pixels, n*3072 bytes
        p.tuple().binput(16);                          // TUPLE: (1, shape, dtype, False, data)
        p.build();                                     // BUILD: array.__setstate__(state)
        p.binunicode("labels").binput(17);             // key 'labels'
        p.emptyList().binput(18);                      // EMPTY_LIST
        p.mark();                                      // MARK: the list items
        for (int label : labels) {
            p.integer(label);                          //   BININT1 / BININT2
        }
        p.appends();                                   // APPENDS: extend the list
        if (mean != null) {
            p.binunicode("mean").binput(19);           // key 'mean'
            p.binget(2).binget(3);                     // _reconstruct, ndarray again, from the memo
            p.binint1(0).tuple1().binput(20);          // (0,)
            p.binget(5).tuple3().binput(21);           // (ndarray, (0,), b'b')
            p.reduce().binput(22);                     // REDUCE: an empty array
            p.mark();                                  // MARK: its state
            p.binint1(1);                              //   version 1
            p.integer(mean.length / 8).tuple1().binput(23); // shape (3072,)
            p.binget(9);                               //   numpy.dtype from the memo
            p.binunicode("f8").binput(24);             //   'f8'
            p.newFalse().newTrue().tuple3().binput(25); //  ('f8', False, True)
            p.reduce().binput(26);                     //   REDUCE: dtype('f8')
            p.mark().binint1(3);                       //   MARK, version 3
            p.binunicode("<").binput(27);              //     little-endian
            p.none().none().none().binint(-1).binint(-1).binint1(0);
            p.tuple().binput(28).build();              //   TUPLE, BUILD the dtype
            p.newFalse();                              //   is_fortran False
            p.binbytes(mean).binput(29);               //   3072 little-endian doubles
            p.tuple().binput(30).build();              // TUPLE, BUILD the array
        }
        p.setitems();                                  // SETITEMS: put the pairs since the MARK into the dict
        p.stop();                                      // STOP: the dict is the result
        return p.bytes();
    }

    /**
     * Protocol 4 (python 3.8+ default): one FRAME, SHORT_BINUNICODE strings, MEMOIZE instead of BINPUT and
     * STACK_GLOBAL instead of GLOBAL; data and labels only. (Python frames only pickles under 64 KiB this
     * way; larger byte strings are written outside frames, which the reader does not care about.)
     */
    static byte[] python4(byte[] pixels, int[] labels) {
        PickleBytes p = new PickleBytes();
        p.emptyDict().memoize();                       // EMPTY_DICT; memo 0
        p.mark();                                      // MARK
        p.shortBinunicode("data").memoize();           // key 'data'; memo 1
        p.shortBinunicode("numpy.core.multiarray").memoize(); // module; memo 2
        p.shortBinunicode("_reconstruct").memoize();   // name; memo 3
        p.stackGlobal().memoize();                     // STACK_GLOBAL: _reconstruct; memo 4
        p.shortBinunicode("numpy").memoize();          // memo 5
        p.shortBinunicode("ndarray").memoize();        // memo 6
        p.stackGlobal().memoize();                     // STACK_GLOBAL: numpy.ndarray; memo 7
        p.binint1(0).tuple1().memoize();               // (0,); memo 8
        p.shortBinbytes(new byte[] {'b'}).memoize();   // b'b'; memo 9
        p.tuple3().memoize().reduce().memoize();       // REDUCE: an empty array; memos 10, 11
        p.mark().binint1(1);                           // MARK, version 1
        p.integer(labels.length).integer(3072).tuple2().memoize(); // shape; memo 12
        p.binget(5).shortBinunicode("dtype").memoize(); // 'numpy' from memo 5, 'dtype'; memo 13
        p.stackGlobal().memoize();                     // STACK_GLOBAL: numpy.dtype; memo 14
        p.shortBinunicode("u1").memoize();             // memo 15
        p.newFalse().newTrue().tuple3().memoize();     // ('u1', False, True); memo 16
        p.reduce().memoize();                          // REDUCE: dtype('u1'); memo 17
        p.mark().binint1(3);                           // MARK, version 3
        p.shortBinunicode("|").memoize();              // byte order; memo 18
        p.none().none().none().binint(-1).binint(-1).binint1(0);
        p.tuple().memoize().build();                   // TUPLE (memo 19), BUILD the dtype
        p.newFalse();                                  // is_fortran False
        p.binbytes(pixels).memoize();                  // the pixels; memo 20
        p.tuple().memoize().build();                   // TUPLE (memo 21), BUILD the array
        p.shortBinunicode("labels").memoize();         // key 'labels'; memo 22
        p.emptyList().memoize();                       // EMPTY_LIST; memo 23
        p.mark();                                      // MARK
        for (int label : labels) {
            p.integer(label);
        }
        p.appends();                                   // APPENDS
        p.setitems();                                  // SETITEMS
        p.stop();                                      // STOP
        byte[] body = p.bytes();
        // PROTO 4, then one FRAME holding everything after it
        return SyntheticFiles.concat(new PickleBytes().proto(4).frame(body.length).bytes(), body);
    }

    /**
     * Protocol 2 as python 2's cPickle writes it: byte-string keys (SHORT_BINSTRING) in hash order (here
     * labels before data), array data as a str (BINSTRING), dtype flags as ints, memo indices from 1.
     */
    static byte[] python2(byte[] pixels, int[] labels) {
        PickleBytes p = new PickleBytes();
        p.proto(2);                                    // PROTO 2
        p.emptyDict().binput(1);                       // EMPTY_DICT; memo 1
        p.mark();                                      // MARK
        p.shortBinstring("labels").binput(2);          // key 'labels'
        p.emptyList().binput(3);                       // EMPTY_LIST
        p.mark();                                      // MARK
        for (int label : labels) {
            p.integer(label);                          //   the labels
        }
        p.appends();                                   // APPENDS
        p.shortBinstring("data").binput(4);            // key 'data'
        p.global("numpy.core.multiarray", "_reconstruct").binput(5); // GLOBAL
        p.global("numpy", "ndarray").binput(6);        // GLOBAL
        p.binint1(0).tuple1().binput(7);               // (0,)
        p.shortBinstring("b").binput(8);               // 'b'
        p.tuple3().binput(9).reduce().binput(10);      // REDUCE: an empty array
        p.mark().binint1(1);                           // MARK, version 1
        p.integer(labels.length).integer(3072).tuple2().binput(11); // shape (n, 3072)
        p.global("numpy", "dtype").binput(12);         // GLOBAL numpy.dtype
        p.shortBinstring("u1").binput(13);             // 'u1'
        p.binint1(0).binint1(1).tuple3().binput(14);   // ('u1', 0, 1)
        p.reduce().binput(15);                         // REDUCE: dtype('u1')
        p.mark().binint1(3);                           // MARK, version 3
        p.shortBinstring("|").binput(16);              //   byte order
        p.none().none().none().binint(-1).binint(-1).binint1(0);
        p.tuple().binput(17).build();                  // TUPLE, BUILD the dtype
        p.newFalse();                                  // is_fortran False
        p.binstring(pixels).binput(18);                // the pixels as a python 2 str
        p.tuple().binput(19).build();                  // TUPLE, BUILD the array
        p.setitems();                                  // SETITEMS
        p.stop();                                      // STOP
        return p.bytes();
    }
}
