// OpenBLAS: CBLAS plus the few LAPACK routines RepLearn calls (Fortran ABI, column-major).
// Debian's libopenblas-dev is built with NO_LAPACKE, so the Fortran symbols are declared here.
#ifndef REPLEARN_COPENBLAS_SHIM_H
#define REPLEARN_COPENBLAS_SHIM_H
#include <cblas.h>

/// Symmetric eigendecomposition (divide and conquer): eigenvalues ascending in w.
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w,
             float *work, const int *lwork, int *iwork, const int *liwork, int *info);
/// Symmetric eigendecomposition in double precision.
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info);
/// Singular value decomposition (divide and conquer).
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s,
             float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork,
             int *iwork, int *info);
/// QR factorisation: Householder reflectors, then the explicit Q.
void sgeqrf_(const int *m, const int *n, float *a, const int *lda, float *tau, float *work,
             const int *lwork, int *info);
void sorgqr_(const int *m, const int *n, const int *k, float *a, const int *lda, const float *tau,
             float *work, const int *lwork, int *info);
/// Cholesky factorisation and solve of a symmetric positive definite system.
void sposv_(const char *uplo, const int *n, const int *nrhs, float *a, const int *lda, float *b,
            const int *ldb, int *info);

#endif
