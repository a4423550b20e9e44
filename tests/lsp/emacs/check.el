;;; check.el --- run by tests/lsp/test_emacs.py: mdnet lsp in Emacs with eglot  -*- lexical-binding: t -*-
;; The README's eglot setup, but for text-mode (Debian's Emacs has no markdown-mode):
;; open a daily note, wait for the vault's diagnostics (a contact's R001 included, though
;; the contact is not open), type a link to the contact (unsaved) and wait for the R001 to
;; go. What was seen is printed as one line per publishDiagnostics: "URI CODE...".
(require 'package)
(package-initialize)
(require 'eglot)

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(text-mode . ("mdnet" "lsp"))))

(defvar mdnet-seen nil "Each publishDiagnostics: (URI CODE...), newest first.")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (push (cons (plist-get params :uri)
                            (mapcar (lambda (d) (plist-get d :code))
                                    (plist-get params :diagnostics)))
                      mdnet-seen))))

(defun mdnet-wait (done)
  (let ((deadline (+ (float-time) 60)))
    (while (and (< (float-time) deadline) (not (funcall done)))
      (accept-process-output nil 0.05))))

(defun mdnet-last (file)
  (assoc (concat "file://" file) mdnet-seen))

(let ((contact (getenv "MDNET_CONTACT")))
  (find-file (getenv "MDNET_DAILY"))
  (text-mode)
  (apply #'eglot (eglot--guess-contact))
  (mdnet-wait (lambda () (mdnet-last contact)))
  (goto-char (point-max))
  (insert "Lunch with [[Jane]].\n")
  (eglot--signal-textDocument/didChange)  ; at once: no idle timers in batch mode
  (mdnet-wait (lambda () (null (cdr (mdnet-last contact)))))
  (dolist (seen (reverse mdnet-seen))
    (princ (format "%s %s\n" (car seen) (mapconcat #'identity (cdr seen) " "))))
  (kill-emacs 0))
