/**
 * Serial device drivers: one driver object per port, one worker thread per driver, plain value objects in and
 * out, no engine dependency.
 *
 * <pre>
 *  caller thread(s)            worker thread (DeviceWorker + DeviceAgent)        device
 *  print / show / showCall --&gt; queue --&gt; doWork(nowMs): send, await reply --&gt; SerialLink --&gt; port
 *                                          |  health (HealthReporter) ----------&gt; DeviceStatusListener
 *                                          +  keys / ratings / print outcome ---&gt; KeypadListener, RatingListener,
 *                                                                                 PrintListener
 * </pre>
 * Packages: {@code printer} (ESC/POS), {@code display} (RS-485 call displays and keypads), {@code board}
 * (Alpha sign hall board), {@code rating} (Modbus RTU rating panels through j2mod).
 */
package okno.drivers;
