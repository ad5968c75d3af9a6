# Regenerates the .npy fixtures with numpy (run once by hand; the tests never call Python).
# Generated with numpy 1.24.2 (Debian 12 python3-numpy).
import numpy as np
from numpy.lib import format as fmt

np.save('v1_f4_3x4.npy', np.arange(12, dtype=np.float32).reshape(3, 4) * 0.5 - 1.25)
np.save('v1_f8_2x3x4.npy', np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 7.0 - 1.0)
with open('v2_f8_5x2.npy', 'wb') as f:
    fmt.write_array(f, np.linspace(-2, 3, 10).reshape(5, 2), version=(2, 0))
with open('v3_f4_4.npy', 'wb') as f:
    fmt.write_array(f, np.array([1.5, -2.25, 3e-8, 4e20], dtype=np.float32), version=(3, 0))
np.save('be_f8_3.npy', np.array([1.0, 2.0, 3.0], dtype='>f8'))
np.save('v1_i4_2x2.npy', np.array([[1, -2], [3, 2147483647]], dtype='<i4'))
np.save('v1_i8_3.npy', np.array([-5, 0, 2**40], dtype='<i8'))
np.save('fortran_f8_2x3.npy', np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)))
np.save('v1_f8_scalar.npy', np.float64(2.5))
np.save('v1_f8_empty_0x3.npy', np.zeros((0, 3)))
